package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.demo.DemoClubGenerator;
import com.gymops.demo.DemoData;
import com.gymops.domain.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Demo clubs seeded once into embedded databases, one per size, and handed out as fresh copies of
 * the database files: seeding 100,000 members takes longer than the runs it prepares, and a copy
 * gives every repetition the same starting state.
 */
final class SeededClubs implements ClubCopies {
  /** One seeded database: its directory (never opened again) and what it holds. */
  record Template(Path directory, int members, int pastDue) {}

  private final BenchClub club;
  private final Path root;
  private final long seed;
  private final Map<Integer, Template> templates = new HashMap<>();
  private int copies;

  SeededClubs(BenchClub club, Path root, long seed) {
    this.club = club;
    this.root = root;
    this.seed = seed;
  }

  @Override
  public Template template(int members) {
    return templates.computeIfAbsent(members, this::seed);
  }

  @Override
  public GymOpsApp open(Path copy) {
    return club.open(copy);
  }

  @Override
  public void delete(Path copy) {
    SeededClubs.deleteDirectory(copy);
  }

  /** A fresh directory holding a copy of the template's database. */
  @Override
  public Path copy(Template template) {
    Path target = root.resolve("copy-" + ++copies);
    try (Stream<Path> files = Files.list(template.directory())) {
      Files.createDirectories(target);
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + template.directory(), e);
    }
    return target;
  }

  private Template seed(int members) {
    return seedInto(root.resolve("template-" + members), members, club::open);
  }

  /** Seeds the demo club of {@code members} into the store {@code open} opens on the directory. */
  Template seedInto(
      Path directory, int members, java.util.function.Function<Path, GymOpsApp> open) {
    DemoData data =
        new DemoClubGenerator(club.today(), club.club().zone())
            .generate(club.club().id(), members, seed);
    try (GymOpsApp app = open.apply(directory)) {
      app.seed(data);
    }
    int pastDue = (int) data.members().stream().filter(SeededClubs::owes).count();
    return new Template(directory, members, pastDue);
  }

  private static boolean owes(Member member) {
    return member.pastDue().isPositive();
  }

  /**
   * Deletes the directory and all in it. A few tries: on a loaded machine the embedded database may
   * still be writing its files for a moment after its pool's close gave up waiting for it.
   */
  static void deleteDirectory(Path directory) {
    for (int attempt = 1; ; attempt++) {
      try {
        deleteOnce(directory);
        return;
      } catch (UncheckedIOException e) {
        if (attempt == DELETE_ATTEMPTS) {
          throw e;
        }
        pause();
      }
    }
  }

  private static final int DELETE_ATTEMPTS = 5;

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting a bench directory", e);
    }
  }

  private static void deleteOnce(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
