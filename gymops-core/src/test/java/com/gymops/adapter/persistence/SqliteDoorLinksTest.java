package com.gymops.adapter.persistence;

import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteDoorLinksTest extends DoorLinksContract {
  @TempDir Path directory;
  private Database database;

  @AfterEach
  void close() {
    database.close();
  }

  @Override
  protected Database open() {
    database = TestDatabases.embedded(directory);
    return database;
  }
}
