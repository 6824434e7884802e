package com.gymops.bench.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A demo club made once by the real {@code gymops demo} and copied for every drill that needs a
 * fresh one, with the configuration the drills run it with: one club {@code main} in UTC, Twilio
 * (pointed at the fake by the environment) at up to 1,000 texts a second.
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

  private final Path root;
  private final Path template;
  private final Instant runAt;

  private DrillClub(Path root, Path template, Instant runAt) {
    this.root = root;
    this.template = template;
    this.runAt = runAt;
  }

  /** Makes the club of {@code members} people (seeded) under {@code root}. */
  static DrillClub make(Path root, String name, int members, long seed, LocalDate today) {
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
    ChildProcess demo =
        ChildProcess.start(
            root,
            root.resolve(name + "-template.log"),
            NO_TWILIO,
            "--config",
            root.resolve(CONFIG).toString(),
            "--data",
            template.toString(),
            "demo",
            "--members",
            String.valueOf(members),
            "--seed",
            String.valueOf(seed),
            "--no-run");
    if (demo.waitFor(600) != 0) {
      throw new IllegalStateException(
          "gymops demo failed; see " + root.resolve(name + "-template.log"));
    }
    // Mid-afternoon: inside the sending window, so texts are due at once.
    return new DrillClub(root, template, today.atTime(15, 0).toInstant(ZoneOffset.UTC));
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

  static void copy(Path from, Path target) {
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
    args[1] = config().toString();
    args[2] = "--data";
    args[3] = data.toString();
    System.arraycopy(command, 0, args, 4, command.length);
    return args;
  }
}
