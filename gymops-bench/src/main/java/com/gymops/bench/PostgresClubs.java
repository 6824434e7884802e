package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.config.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules scenario's clubs on a PostgreSQL server ({@code bench --database-url}): each size is
 * seeded once into a database of its own, and each run gets a database made from it with {@code
 * CREATE DATABASE ... TEMPLATE}, dropped afterwards. Every database it makes is named {@code
 * gymops_bench_...}; it never touches the one the URL names, whose only use is to connect.
 */
final class PostgresClubs implements ClubCopies {
  private static final String PREFIX = "gymops_bench_";

  private final BenchClub club;
  private final PostgresServer server;
  private final Path root;
  private final SeededClubs seeder;
  private final Map<Path, String> databases = new HashMap<>();
  private final Map<Integer, SeededClubs.Template> templates = new HashMap<>();
  private int copies;

  /**
   * @param url a JDBC URL of the server, with a user allowed to create databases
   */
  PostgresClubs(BenchClub club, String url, Path root, long seed) {
    this.club = club;
    this.server = new PostgresServer(url);
    this.root = root;
    this.seeder = new SeededClubs(club, root, seed);
  }

  @Override
  public SeededClubs.Template template(int members) {
    return templates.computeIfAbsent(
        members,
        size -> {
          Path directory = root.resolve("pg-template-" + size);
          String database = PREFIX + "template_" + size;
          server.recreate(database, null);
          databases.put(directory, database);
          return seeder.seedInto(directory, size, this::open);
        });
  }

  @Override
  public Path copy(SeededClubs.Template template) {
    Path directory = root.resolve("pg-copy-" + ++copies);
    server.recreate(PREFIX + "copy_" + copies, databases.get(template.directory()));
    databases.put(directory, PREFIX + "copy_" + copies);
    return directory;
  }

  @Override
  public GymOpsApp open(Path copy) {
    try {
      Files.createDirectories(copy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + copy, e);
    }
    return club.withDatabase(
            new DatabaseSettings(server.urlOf(databases.get(copy)), null, null, 10))
        .open(copy);
  }

  @Override
  public void delete(Path copy) {
    server.drop(databases.remove(copy));
    SeededClubs.deleteDirectory(copy);
  }

  /** Drops the bench's databases that are left: the templates. */
  void dropAll() {
    databases.values().forEach(server::drop);
    databases.clear();
  }
}
