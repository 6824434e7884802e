package com.gymops.bench.drill;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.app.demo.DemoData;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A demo club made once by the real {@code gymops demo} and copied for every drill that needs a
 * fresh one, with the configuration the drills run it with: one club {@code main} in UTC, Twilio
 * (pointed at the fake by the environment) at up to 1,000 texts a second. On PostgreSQL every data
 * directory has a database of its own (see {@link DrillStore}) and a configuration beside it,
 * {@code <data>.yml}, naming it in {@code database.url}, with a run lease of {@value #PG_RUN_LEASE}
 * and a takeover of a dead node's fires after {@value #PG_MISSED_HEARTBEATS} missed heartbeats of
 * {@value #PG_HEARTBEAT}: there a killed run's lease frees only when it expires, and the defaults
 * (10 minutes, 4 x 1 minute) would make every kill cost minutes.
 */
final class DrillClub {
  static final String CONFIG = "drill.yml";
  static final String PAYMENTS_SECRET = "drill-payments-secret";

  /**
   * Twilio's settings for commands that never send (demo, run): the configuration asks for them;
   * nothing listens at the address.
   */
  static final Map<String, String> NO_TWILIO =
      Map.of(
          "TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000000",
          "TWILIO_AUTH_TOKEN", "unused",
          "TWILIO_FROM", "+15005550006",
          "TWILIO_BASE_URL", "http://127.0.0.1:9");

  /** The run lease of the children on PostgreSQL ({@code server.run_lease}). */
  static final String PG_RUN_LEASE = "PT10S";

  static final String PG_HEARTBEAT = "PT1S";

  /** db-scheduler's least. */
  static final int PG_MISSED_HEARTBEATS = 4;

  private final Path root;
  private final Path template;
  private final Instant runAt;
  private final DrillStore store;

  private DrillClub(Path root, Path template, Instant runAt, DrillStore store) {
    this.root = root;
    this.template = template;
    this.runAt = runAt;
    this.store = store;
  }

  /**
   * Makes the club of {@code members} people (seeded) under {@code root}, stored in {@code store}.
   */
  static DrillClub make(
      Path root, String name, int members, long seed, LocalDate today, DrillStore store) {
    try {
      Files.createDirectories(root);
      Files.writeString(
          root.resolve(CONFIG),
          String.join(
              "\n",
              "clubs:",
              "  - id: main",
              "    name: Drill Club",
              "    timezone: UTC",
              "    manager: {phone: \"+12125550100\", email: manager@example.com}",
              "messaging:",
              "  sms_provider: twilio",
              "  sms_rate_per_second: 1000",
              ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path template = root.resolve(name + "-template");
    DrillClub club =
        new DrillClub(root, template, today.atTime(15, 0).toInstant(ZoneOffset.UTC), store);
    club.writeConfigFor(template);
    if (store.isPostgres()) {
      // gymops demo always makes an embedded database; the same club (the same generator, seed and
      // day) is seeded here into the template's PostgreSQL database instead.
      club.seedPostgres(template, members, seed, today);
      return club;
    }
    ChildProcess demo =
        ChildProcess.start(
            root,
            root.resolve(name + "-template.log"),
            NO_TWILIO,
            club.with(
                template,
                "demo",
                "--members",
                String.valueOf(members),
                "--seed",
                String.valueOf(seed),
                "--no-run"));
    if (demo.waitFor(600) != 0) {
      throw new IllegalStateException(
          "gymops demo failed; see " + root.resolve(name + "-template.log"));
    }
    // Mid-afternoon (runAt): inside the sending window, so texts are due at once.
    return club;
  }

  private void seedPostgres(Path template, int members, long seed, LocalDate today) {
    GymOpsConfig config =
        ConfigLoader.load(Optional.of(configFor(template)), NO_TWILIO, ZoneOffset.UTC);
    ClubSettings club = config.clubs().get(0);
    DemoData data =
        new DemoClubGenerator(today, club.club().zone()).generate(club.club().id(), members, seed);
    try (GymOpsApp app =
        GymOpsApp.open(
            new GymOpsConfig(config.clubs(), config.database(), config.messaging().loggedOnly()),
            template,
            Clock.systemUTC())) {
      app.seed(data);
    }
  }

  DrillStore store() {
    return store;
  }

  /** The database of the data directory {@code data}, to read. */
  DrillDatabase database(Path data) {
    return store.database(data);
  }

  /**
   * The configuration the children on {@code data} run with: the club's own on SQLite; on
   * PostgreSQL {@code <data>.yml}, the same with the database's URL and the drill's lease and
   * heartbeats.
   */
  Path configFor(Path data) {
    return store.isPostgres() ? data.resolveSibling(data.getFileName() + ".yml") : config();
  }

  private void writeConfigFor(Path data) {
    if (!store.isPostgres()) {
      return;
    }
    try {
      Files.writeString(
          configFor(data),
          Files.readString(config())
              + String.join(
                  "\n",
                  "database:",
                  "  url: \"" + store.urlOf(data) + "\"",
                  "  pool_size: 4",
                  "server:",
                  "  heartbeat_interval: " + PG_HEARTBEAT,
                  "  missed_heartbeats: " + PG_MISSED_HEARTBEATS,
                  "  run_lease: " + PG_RUN_LEASE,
                  "agent:",
                  "  max_seconds: 5",
                  ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path root() {
    return root;
  }

  Path config() {
    return root.resolve(CONFIG);
  }

  Instant runAt() {
    return runAt;
  }

  Path template() {
    return template;
  }

  /** A fresh copy of the club's data directory at {@code target} (replacing what was there). */
  Path copyTo(Path target) {
    copy(template, target);
    return target;
  }

  /** Copies a data directory (and on PostgreSQL its database), replacing what was there. */
  void copy(Path from, Path target) {
    copyFiles(from, target);
    if (store.isPostgres()) {
      store.copyDatabase(from, target);
      writeConfigFor(target);
    }
  }

  private static void copyFiles(Path from, Path target) {
    delete(target);
    try {
      Files.createDirectories(target);
      try (var files = Files.list(from)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file)) {
            Files.copy(
                file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The child-JVM arguments that come before a command: this club's config and {@code data}. */
  String[] with(Path data, String... command) {
    String[] args = new String[command.length + 4];
    args[0] = "--config";
    args[1] = configFor(data).toString();
    args[2] = "--data";
    args[3] = data.toString();
    System.arraycopy(command, 0, args, 4, command.length);
    return args;
  }
}
