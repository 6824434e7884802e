package com.gymops.adapter.persistence;

import com.gymops.application.port.store.StoreException;
import com.gymops.config.DatabaseSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's database: a connection pool, the schema migrated to the latest version, and a Jdbi on
 * top. Embedded SQLite ({@value #EMBEDDED_FILE} in the data directory) unless a JDBC URL is
 * configured.
 *
 * <p>Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
  /** The embedded store's file in the data directory. */
  public static final String EMBEDDED_FILE = "gymops.db";

  /**
   * Portable migrations, for every vendor. The vendor folders sit outside it because Flyway scans a
   * location with its subfolders.
   */
  static final String COMMON_MIGRATIONS = "classpath:db/migration";

  /**
   * How long a SQLite writer waits for another process's (or thread's) write transaction: a CLI
   * command beside a running {@code serve} waits its turn instead of failing.
   */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Vendor vendor;
  private final Path dataDir;

  private Database(HikariDataSource dataSource, Vendor vendor, Path dataDir) {
    this.dataSource = dataSource;
    this.vendor = vendor;
    this.dataDir = dataDir;
    this.jdbi = Jdbi.create(dataSource);
    jdbi.define(Vendor.ROW_LOCK, vendor.rowLock());
    jdbi.define(Vendor.IDS_OF_JSON, vendor.idsOfJson());
    if (vendor == Vendor.SQLITE) {
      jdbi.registerArgument(new SqliteTime.InstantArgument());
      jdbi.registerArgument(new SqliteTime.DateArgument());
    }
    RowMappers.register(jdbi);
  }

  /** Opens the configured database, or the embedded one under {@code dataDir}, and migrates it. */
  public static Database open(DatabaseSettings settings, Path dataDir) {
    HikariConfig hikari = new HikariConfig();
    String url = settings.jdbcUrl().orElseGet(() -> embeddedUrl(dataDir));
    Vendor vendor = Vendor.of(url);
    hikari.setJdbcUrl(url);
    if (vendor == Vendor.SQLITE) {
      checkWritable(dataDir);
      sqliteProperties(hikari);
    }
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
          "cannot connect to " + describe(url) + ": " + StoreErrors.explain(e, dataDir), e);
    }
    try {
      migrate(dataSource, vendor);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException(
          "cannot migrate " + describe(url) + ": " + StoreErrors.explain(e, dataDir), e);
    }
    return new Database(dataSource, vendor, dataDir.toAbsolutePath());
  }

  /** SQLite would open a read-only directory and fail at the first write, deep inside a run. */
  private static void checkWritable(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create the data directory " + dataDir + ": " + e, e);
    }
    Path file = dataDir.resolve(EMBEDDED_FILE);
    if (!Files.isWritable(dataDir) || (Files.exists(file) && !Files.isWritable(file))) {
      throw new StoreException(
          "the data directory "
              + dataDir
              + " is read-only: GymOps needs to write "
              + EMBEDDED_FILE
              + " and its journal there (use --data DIR for another directory)");
    }
  }

  static String embeddedUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve(EMBEDDED_FILE);
  }

  /**
   * Set on every connection the pool opens. WAL lets readers (another process included) go on while
   * one writer writes; {@code synchronous=FULL} syncs the WAL at every commit, so a commit that
   * returned survives a kill or a power cut; IMMEDIATE transactions take the write lock at BEGIN,
   * so a transaction never fails half-way when it turns from reading to writing. The WAL is copied
   * into the database file every 10,000 pages (40 MB) instead of SQLite's 1,000: a page changed by
   * several commits between two checkpoints is copied once, which cut the bytes a 100,000-member
   * run writes by a third (docs/BENCHMARKS.md); durability is the WAL's fsync at each commit, which
   * this does not change.
   */
  private static void sqliteProperties(HikariConfig hikari) {
    hikari.addDataSourceProperty("journal_mode", "WAL");
    hikari.addDataSourceProperty("synchronous", "FULL");
    hikari.addDataSourceProperty("foreign_keys", "true");
    hikari.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT.toMillis()));
    hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    hikari.addDataSourceProperty("wal_autocheckpoint", "10000");
  }

  private static void migrate(DataSource dataSource, Vendor vendor) {
    flyway(dataSource, vendor).migrate();
  }

  private static Flyway flyway(DataSource dataSource, Vendor vendor) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(COMMON_MIGRATIONS, "classpath:db/vendor/" + vendor.folder())
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * Whether the database answers and holds every migration this build knows: what a load balancer
   * needs before sending work here. Never throws.
   */
  public boolean isReady() {
    try {
      MigrationInfoService info = flyway(dataSource, vendor).info();
      return info.current() != null && info.pending().length == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String describe(String url) {
    int parameters = url.indexOf('?');
    return parameters < 0 ? url : url.substring(0, parameters);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  Vendor vendor() {
    return vendor;
  }

  public boolean isEmbedded() {
    return vendor == Vendor.SQLITE;
  }

  /** The embedded store's file ({@value #EMBEDDED_FILE}); empty on PostgreSQL. */
  public Optional<Path> embeddedFile() {
    return isEmbedded() ? Optional.of(dataDir.resolve(EMBEDDED_FILE)) : Optional.empty();
  }

  /** Where the embedded store keeps its per-run file locks; empty on PostgreSQL. */
  Optional<Path> embeddedDirectory() {
    return isEmbedded() ? Optional.of(dataDir.resolve("locks")) : Optional.empty();
  }

  /**
   * Copies the embedded store into {@code target} with {@code VACUUM INTO}: one read transaction,
   * so the copy is consistent while {@code serve} keeps writing, and compact. Then checks the copy.
   *
   * @throws StoreException on PostgreSQL (use pg_dump), when {@code target} exists, or when the
   *     copy fails its integrity check
   */
  public void backupTo(Path target) {
    if (!isEmbedded()) {
      throw new StoreException(
          "gymops backup copies the embedded SQLite store; this database is PostgreSQL: back it up"
              + " with pg_dump (e.g. pg_dump -Fc -f gymops.dump DBNAME) and restore with pg_restore");
    }
    Path absolute = target.toAbsolutePath();
    if (Files.exists(absolute)) {
      throw new StoreException(
          absolute + " exists already; choose a new file (nothing was written)");
    }
    try {
      jdbi.useHandle(handle -> handle.execute("VACUUM INTO ?", absolute.toString()));
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot back up to " + absolute + ": " + StoreErrors.explain(e, absolute.getParent()), e);
    }
    String check = integrityCheck(absolute);
    if (!check.equals("ok")) {
      throw new StoreException("the backup " + absolute + " fails its integrity check: " + check);
    }
  }

  /**
   * SQLite's {@code PRAGMA integrity_check} of a database file, opened read-only: {@code ok}, or
   * the problems it found.
   */
  public static String integrityCheck(Path file) {
    try (var connection =
            java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        var statement = connection.createStatement();
        var rows = statement.executeQuery("PRAGMA integrity_check")) {
      StringBuilder result = new StringBuilder();
      while (rows.next()) {
        result.append(result.isEmpty() ? "" : "; ").append(rows.getString(1));
      }
      return result.toString();
    } catch (java.sql.SQLException e) {
      throw new StoreException("cannot check " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
