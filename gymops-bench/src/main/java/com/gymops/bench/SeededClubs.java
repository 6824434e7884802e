package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.app.demo.DemoData;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.config.ClubSettings;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /**
   * Seeds the demo club of {@code members} into the store {@code open} opens on the directory; with
   * several clubs configured ({@code bench --clubs}), as many demo clubs of an equal share of them.
   */
  Template seedInto(
      Path directory, int members, java.util.function.Function<Path, GymOpsApp> open) {
    List<ClubSettings> all = club.config().clubs();
    if (all.size() == 1) {
      DemoData data =
          new DemoClubGenerator(club.today(), club.club().zone())
              .generate(club.club().id(), members, seed);
      try (GymOpsApp app = open.apply(directory)) {
        app.seed(data);
      }
      int pastDue = (int) data.members().stream().filter(SeededClubs::owes).count();
      return new Template(directory, members, pastDue);
    }
    int pastDue = 0;
    try (GymOpsApp app = open.apply(directory)) {
      for (int i = 0; i < all.size(); i++) {
        ClubSettings each = all.get(i);
        // Each club its own share (the last one the rest), seed and member ids: ids are unique
        // across clubs in one database, and the generator numbers every club's from M0001.
        int share = i < all.size() - 1 ? members / all.size() : members - members / all.size() * i;
        DemoData data =
            new DemoClubGenerator(club.today(), each.club().zone())
                .generate(each.club().id(), share, seed + i);
        String prefix = each.club().id().value() + "-";
        List<Member> renamed =
            data.members().stream()
                .map(m -> m.withId(new MemberId(prefix + m.id().value())))
                .toList();
        List<KeyedAttempt> attempts = new ArrayList<>(data.attempts().size());
        for (int a = 0; a < data.attempts().size(); a++) {
          CollectionAttempt attempt = data.attempts().get(a);
          attempts.add(
              new KeyedAttempt(
                  new CollectionAttempt(
                      new MemberId(prefix + attempt.memberId().value()),
                      attempt.attemptedAt(),
                      attempt.kind(),
                      attempt.channel(),
                      attempt.outcome()),
                  "demo:" + prefix + a,
                  null));
        }
        app.stores()
            .transactor()
            .inTransaction(
                () -> {
                  app.stores().members().upsertAll(renamed, club.at());
                  app.stores().attempts().addAll(attempts);
                  return null;
                });
        pastDue += (int) renamed.stream().filter(SeededClubs::owes).count();
      }
    }
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
