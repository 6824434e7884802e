package com.gymops.bench.drill;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  private final String url;
  private final Map<Path, String> databases = new HashMap<>();
  private int made;

  private DrillStore(String url) {
    this.url = url;
  }

  static DrillStore embedded() {
    return new DrillStore(null);
  }

  /**
   * @param url a JDBC URL of the server, with a user allowed to create databases
   */
  static DrillStore postgres(String url) {
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "--database-url must be a PostgreSQL JDBC URL (jdbc:postgresql://...), not " + url);
    }
    DrillStore store = new DrillStore(url);
    store.dropStale();
    return store;
  }

  boolean isPostgres() {
    return url != null;
  }

  /** The JDBC URL of the database of {@code data}, made empty on first use; null on SQLite. */
  String urlOf(Path data) {
    if (url == null) {
      return null;
    }
    return withDatabase(databases.computeIfAbsent(data.toAbsolutePath(), this::create));
  }

  /** Makes {@code target}'s database a copy of {@code from}'s (whose processes must be gone). */
  void copyDatabase(Path from, Path target) {
    String source = databases.get(from.toAbsolutePath());
    if (source == null) {
      throw new IllegalStateException("no drill database for " + from);
    }
    String name =
        databases.computeIfAbsent(target.toAbsolutePath(), path -> PREFIX + ++made + suffix(path));
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin("CREATE DATABASE " + name + " TEMPLATE " + source);
  }

  DrillDatabase database(Path data) {
    return url == null ? DrillDatabase.embedded(data) : DrillDatabase.postgres(urlOf(data));
  }

  /** Drops every database this drill made. */
  @Override
  public void close() {
    if (url == null) {
      return;
    }
    for (String database : databases.values()) {
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
    databases.clear();
  }

  private String create(Path data) {
    String name = PREFIX + ++made + suffix(data);
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin("CREATE DATABASE " + name);
    return name;
  }

  private static String suffix(Path data) {
    String name =
        "_" + data.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return name.length() > 40 ? name.substring(0, 40) : name;
  }

  /** Databases an earlier drill made and could not drop (it was killed, or the JVM died). */
  private void dropStale() {
    List<String> stale = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '"
                    + PREFIX.replace("_", "\\_")
                    + "%'")) {
      while (result.next()) {
        stale.add(result.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the databases on " + url + ": " + e, e);
    }
    for (String database : stale) {
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private void admin(String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + url + ": " + e.getMessage(), e);
    }
  }

  /** The URL with {@code database} in place of the one it names. */
  private String withDatabase(String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?');
    String tail = query < 0 ? "" : url.substring(query);
    return (slash < 0 ? url : url.substring(0, slash)) + "/" + database + tail;
  }
}
