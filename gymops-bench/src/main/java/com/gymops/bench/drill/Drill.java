package com.gymops.bench.drill;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Crash drills: the real {@code gymops} in separate JVMs, killed with SIGKILL at seeded random
 * moments, restarted, and checked against the store's promises (see {@link ServeDrill}, {@link
 * DispatchDrill}, {@link RunDrill}, {@link FireDrill}, {@link PullDrill}). The same seed kills at
 * the same moments after the same work, as far as the machine's timing allows, so a failure can be
 * replayed. The children store the clubs in SQLite files, or with {@link Settings#databaseUrl} in
 * PostgreSQL databases made for the drill (see {@link DrillStore}).
 */
public final class Drill {
  /** The scenarios, by the names {@code gymops drill --scenarios} takes. */
  public static final List<String> SCENARIOS =
      List.of("serve", "dispatch", "run", "fire", "pull", "stripe", "square");

  /**
   * @param kills kills per scenario
   * @param runMembers the size of the club {@code run past-due-monitoring} is killed on
   * @param directory where the clubs, copies and child logs go (kept for a post-mortem)
   * @param progress told a line after every kill
   * @param databaseUrl a PostgreSQL server's JDBC URL to run the children on, with a user allowed
   *     to create databases; null for the embedded SQLite store
   */
  public record Settings(
      int kills,
      long seed,
      Set<String> scenarios,
      int runMembers,
      Path directory,
      Consumer<String> progress,
      String databaseUrl) {
    /** On the embedded SQLite store. */
    public Settings(
        int kills,
        long seed,
        Set<String> scenarios,
        int runMembers,
        Path directory,
        Consumer<String> progress) {
      this(kills, seed, scenarios, runMembers, directory, progress, null);
    }
  }

  private Drill() {}

  public static List<DrillResult> run(Settings settings) {
    try (DrillStore store =
        settings.databaseUrl() == null
            ? DrillStore.embedded()
            : DrillStore.postgres(settings.databaseUrl())) {
      return run(settings, store);
    }
  }

  private static List<DrillResult> run(Settings settings, DrillStore store) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<DrillResult> results = new ArrayList<>();
    DrillClub small = null;
    for (String scenario : SCENARIOS) {
      if (!settings.scenarios().contains(scenario)) {
        continue;
      }
      Random random = new Random(settings.seed() * 31 + scenario.hashCode());
      if (scenario.equals("pull")) {
        results.add(
            new PullDrill(
                    settings.directory().resolve("pull"),
                    store,
                    random,
                    settings.progress(),
                    settings.seed())
                .run(settings.kills()));
        continue;
      }
      if (!scenario.equals("run") && small == null) {
        small = DrillClub.make(settings.directory(), "club", 2_000, settings.seed(), today, store);
      }
      results.add(
          switch (scenario) {
            case "serve" ->
                new ServeDrill(small, random, settings.progress()).run(settings.kills());
            case "dispatch" ->
                new DispatchDrill(small, random, settings.progress()).run(settings.kills());
            case "fire" -> new FireDrill(small, random, settings.progress()).run(settings.kills());
            case "stripe" ->
                new PaidEventDrill(small, random, settings.progress(), PaidEvents.stripe())
                    .run(settings.kills());
            case "square" ->
                new PaidEventDrill(small, random, settings.progress(), PaidEvents.square())
                    .run(settings.kills());
            default ->
                new RunDrill(
                        DrillClub.make(
                            settings.directory().resolve("large"),
                            "club",
                            settings.runMembers(),
                            settings.seed(),
                            today,
                            store),
                        random,
                        settings.progress())
                    .run(settings.kills());
          });
    }
    return results;
  }
}
