package com.gymops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server on which the bench and the crash drills make databases of their own ({@code
 * CREATE DATABASE}, dropped afterwards): reached through the database a JDBC URL names, which is
 * only ever connected to.
 */
public final class PostgresServer {
  private final String url;

  /**
   * @param url a JDBC URL of the server, with a user allowed to create databases
   * @throws IllegalArgumentException when it is not a PostgreSQL URL
   */
  public PostgresServer(String url) {
    if (url == null || !url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "--database-url must be a PostgreSQL JDBC URL (jdbc:postgresql://...), not " + url);
    }
    this.url = url;
  }

  public String url() {
    return url;
  }

  /** Runs one statement that no transaction may hold, such as {@code CREATE DATABASE}. */
  public void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + url + ": " + e.getMessage(), e);
    }
  }

  /** Drops {@code database} (if it exists, whoever is connected) and makes it again. */
  public void recreate(String database, String template) {
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    execute("CREATE DATABASE " + database + (template == null ? "" : " TEMPLATE " + template));
  }

  public void drop(String database) {
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  /** The server's databases whose names start with {@code prefix}. */
  public List<String> databasesStartingWith(String prefix) {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
      query.setString(1, prefix);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          names.add(result.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the databases on " + url + ": " + e, e);
    }
    return names;
  }

  /** The URL with {@code database} in place of the one it names. */
  public String urlOf(String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?');
    String tail = query < 0 ? "" : url.substring(query);
    return (slash < 0 ? url : url.substring(0, slash)) + "/" + database + tail;
  }
}
