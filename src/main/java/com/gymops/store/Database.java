package com.gymops.store;

import com.gymops.config.DatabaseSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's database: a connection pool, the schema migrated to the latest version, and a Jdbi on
 * top. Embedded H2 in the data directory unless a JDBC URL is configured.
 *
 * <p>Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final boolean embedded;

  private Database(HikariDataSource dataSource, boolean embedded) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens the configured database, or the embedded one under {@code dataDir}, and migrates it. */
  public static Database open(DatabaseSettings settings, Path dataDir) {
    HikariConfig hikari = new HikariConfig();
    boolean embedded = settings.jdbcUrl().isEmpty();
    hikari.setJdbcUrl(settings.jdbcUrl().orElseGet(() -> embeddedUrl(dataDir)));
    if (settings.user() != null) {
      hikari.setUsername(settings.user());
    }
    if (settings.password() != null) {
      hikari.setPassword(settings.password());
    }
    hikari.setMaximumPoolSize(settings.poolSize());
    hikari.setPoolName("gymops");
    hikari.setConnectionTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to " + describe(hikari.getJdbcUrl()) + ": " + rootMessage(e), e);
    }
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException(
          "cannot migrate " + describe(hikari.getJdbcUrl()) + ": " + rootMessage(e), e);
    }
    return new Database(dataSource, embedded);
  }

  /**
   * H2 runs in PostgreSQL mode so that one set of migrations and queries (including {@code ON
   * CONFLICT DO NOTHING}) serves both databases; AUTO_SERVER lets a CLI command reach the file
   * while {@code serve} holds it open.
   */
  static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.toAbsolutePath().resolve("gymops")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
  }

  private static void migrate(DataSource dataSource) {
    flyway(dataSource).migrate();
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * Whether the database answers and holds every migration this build knows: what a load balancer
   * needs before sending work here. Never throws.
   */
  public boolean isReady() {
    try {
      MigrationInfoService info = flyway(dataSource).info();
      return info.current() != null && info.pending().length == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String describe(String url) {
    int parameters = url.indexOf(';');
    return parameters < 0 ? url : url.substring(0, parameters);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isEmbedded() {
    return embedded;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
