package com.gymops.store;

import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends StoreContract {
  @TempDir Path directory;
  private final List<Database> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  @Override
  protected Database open() {
    Database database = TestDatabases.h2(directory);
    opened.add(database);
    return database;
  }

  @Override
  protected Database reopen() {
    Database again = TestDatabases.h2(directory);
    opened.add(again);
    return again;
  }
}
