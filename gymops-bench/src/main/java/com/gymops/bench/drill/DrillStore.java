package com.gymops.bench.drill;

import com.gymops.bench.PostgresServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the drills' clubs are stored: the embedded SQLite file in each data directory, or (with
 * {@code gymops drill --database-url}) a PostgreSQL database per data directory. On PostgreSQL a
 * copy of a club is {@code CREATE DATABASE ... TEMPLATE} of the database it copies; every database
 * the drill makes is named {@code gymops_drill_...}, dropped at the end (also when the drill
 * fails), and those left by an earlier drill that was itself killed are dropped first. The database
 * the URL names is only connected to, never changed. One drill per server at a time.
 */
final class DrillStore implements AutoCloseable {
  static final String PREFIX = "gymops_drill_";

  private final PostgresServer server;
  private final Map<Path, String> databases = new HashMap<>();
  private int made;

  private DrillStore(PostgresServer server) {
    this.server = server;
  }

  static DrillStore embedded() {
    return new DrillStore(null);
  }

  /**
   * @param url a JDBC URL of the server, with a user allowed to create databases
   */
  static DrillStore postgres(String url) {
    PostgresServer server = new PostgresServer(url);
    // Databases an earlier drill made and could not drop (it was killed, or its JVM died).
    server.databasesStartingWith(PREFIX).forEach(server::drop);
    return new DrillStore(server);
  }

  boolean isPostgres() {
    return server != null;
  }

  /** The JDBC URL of the database of {@code data}, made empty on first use; null on SQLite. */
  String urlOf(Path data) {
    if (server == null) {
      return null;
    }
    return server.urlOf(databases.computeIfAbsent(data.toAbsolutePath(), this::create));
  }

  /** Makes {@code target}'s database a copy of {@code from}'s (whose processes must be gone). */
  void copyDatabase(Path from, Path target) {
    String source = databases.get(from.toAbsolutePath());
    if (source == null) {
      throw new IllegalStateException("no drill database for " + from);
    }
    String name =
        databases.computeIfAbsent(target.toAbsolutePath(), path -> PREFIX + ++made + suffix(path));
    server.recreate(name, source);
  }

  DrillDatabase database(Path data) {
    return server == null ? DrillDatabase.embedded(data) : DrillDatabase.postgres(urlOf(data));
  }

  /** Drops every database this drill made. */
  @Override
  public void close() {
    if (server == null) {
      return;
    }
    databases.values().forEach(server::drop);
    databases.clear();
  }

  private String create(Path data) {
    String name = PREFIX + ++made + suffix(data);
    server.recreate(name, null);
    return name;
  }

  private static String suffix(Path data) {
    String name =
        "_" + data.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return name.length() > 40 ? name.substring(0, 40) : name;
  }
}
