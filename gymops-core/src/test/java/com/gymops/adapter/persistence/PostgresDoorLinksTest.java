package com.gymops.adapter.persistence;

import com.gymops.testing.TestDatabases;
import com.gymops.testing.TestDatabases.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(
    named = TestDatabases.PG_URL_VARIABLE,
    matches = ".+",
    disabledReason =
        "set GYMOPS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run"
            + " door_link's contract on PostgreSQL; .ci/run sets it")
class PostgresDoorLinksTest extends DoorLinksContract {
  private PostgresSchema schema;

  @AfterEach
  void close() {
    schema.close();
  }

  @Override
  protected Database open() {
    schema = TestDatabases.postgres();
    return schema.database();
  }
}
