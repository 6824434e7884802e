package com.gymops.adapter.persistence;

import com.gymops.config.DatabaseSettings;
import com.gymops.testing.TestDatabases;
import com.gymops.testing.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(
    named = TestDatabases.PG_URL_VARIABLE,
    matches = ".+",
    disabledReason =
        "set GYMOPS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run"
            + " the store contract on PostgreSQL; .ci/run sets it")
class PostgresStoreTest extends StoreContract {
  private PostgresSchema schema;
  private final List<Database> reopened = new ArrayList<>();

  @AfterEach
  void close() {
    reopened.forEach(Database::close);
    schema.close();
  }

  @Override
  protected Database open() {
    schema = TestDatabases.postgres();
    return schema.database();
  }

  @Override
  protected Database reopen() {
    String url =
        schema.baseUrl()
            + (schema.baseUrl().contains("?") ? "&" : "?")
            + "currentSchema="
            + schema.schema();
    Database again = Database.open(new DatabaseSettings(url, null, null, 2), Path.of("."));
    reopened.add(again);
    return again;
  }
}
