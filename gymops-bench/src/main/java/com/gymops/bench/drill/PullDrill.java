package com.gymops.bench.drill;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.app.demo.DemoData;
import com.gymops.bench.clubhub.ClubHubSeed;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.fakes.FakeClubHub;
import com.gymops.fakes.LoopbackServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code gymops sync} pulling a club from the fake ClubHub (in this JVM, on loopback), killed at
 * random moments of the pull, restarted, and pulled to the end. The club was pulled once ten days
 * earlier (the template: debts with no stated start began then, a few members opted out of texts
 * and one door was locked by GymOps), and every sixth person joined ClubHub since, so each page of
 * the drill's pulls both updates and inserts.
 *
 * <p>Invariants, after every kill: the database passes its integrity check; no member is
 * half-written (every member row has its ClubHub id: row and link are one transaction); no ClubHub
 * id belongs to two members; GymOps' own acknowledged writes (the opt-outs, the lock) are still
 * there; no debt's start moved from the one on file. After the final pull: the members are exactly
 * those of an unkilled pull from the same template (same fields, same count), and the pull saved
 * its watermark.
 */
final class PullDrill {
  static final int PEOPLE = 600;
  private static final int KILLS_PER_ROUND = 5;
  private static final ClubId CLUB = new ClubId("main");
  private static final String CLUB_NUMBER = "1156";
  private static final int PAGE_SIZE = 50;

  /** Every this many ClubHub ids, a person who joined after the template's pull. */
  private static final int JOINED_SINCE = 6;

  private static final Map<String, String> CREDENTIALS =
      Map.of(
          "GYMOPS_CLUBHUB_USERNAME", FakeClubHub.USERNAME,
          "GYMOPS_CLUBHUB_PASSWORD", FakeClubHub.PASSWORD);

  /** What a member row must read the same as after an unkilled pull. */
  private static final String MEMBER_FIELDS =
      "member_id, external_id, club_status, first_name, last_name, phone, email, status,"
          + " past_due_cents, past_due_since, sms_consent, sms_opted_out, door_state,"
          + " last_check_in";

  private final Path root;
  private final DrillStore store;
  private final Random random;
  private final Consumer<String> progress;
  private final long seed;

  PullDrill(Path root, DrillStore store, Random random, Consumer<String> progress, long seed) {
    this.root = root;
    this.store = store;
    this.random = random;
    this.progress = progress;
    this.seed = seed;
  }

  DrillResult run(int kills) {
    LoopbackServers.answerWithoutDelay();
    try (FakeClubHub clubHub = FakeClubHub.start()) {
      return run(clubHub, kills);
    }
  }

  private DrillResult run(FakeClubHub clubHub, int kills) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    DemoData people = new DemoClubGenerator(today, ZoneOffset.UTC).generate(CLUB, PEOPLE, seed);
    ClubHubSeed.put(clubHub, CLUB_NUMBER, people, today);
    // The template was pulled from ClubHub as it was before every sixth person joined: the
    // drill's pulls insert those on every page, and update the others.
    Path template = root.resolve("pull-template");
    Template made;
    try (FakeClubHub earlier = FakeClubHub.start()) {
      ClubHubSeed.put(
          earlier, CLUB_NUMBER, people, today, ClubHubSeed.FIRST_ID, id -> id % JOINED_SINCE != 0);
      made = makeTemplate(earlier, template);
    }
    configFor(template, clubHub);

    Path log = root.resolve("pull.log");
    Path reference = root.resolve("pull-reference");
    copy(template, reference);
    int logins = clubHub.logins();
    long started = System.nanoTime();
    ChildProcess unkilled = sync(reference, log);
    awaitLogin(clubHub, unkilled, logins);
    long loggedIn = System.nanoTime();
    if (unkilled.waitFor(900) != 0) {
      throw new IllegalStateException("the unkilled reference pull failed; see " + log);
    }
    long referenceMillis = (System.nanoTime() - started) / 1_000_000;
    long pullMillis = (System.nanoTime() - loggedIn) / 1_000_000;
    Set<String> expected = members(reference);

    List<String> violations = new ArrayList<>();
    Path data = root.resolve("pull-data");
    int killed = 0;
    int rounds = 0;
    long midPull = 0;
    while (killed < kills) {
      copy(template, data);
      rounds++;
      for (int k = 0; k < KILLS_PER_ROUND && killed < kills; k++) {
        logins = clubHub.logins();
        ChildProcess pull = sync(data, log);
        // Most of a pull's child is its JVM starting: three kills in four wait for the login, then
        // land anywhere in the time an unkilled pull takes; one in four lands earlier.
        if (random.nextInt(4) > 0) {
          awaitLogin(clubHub, pull, logins);
          DispatchDrill.sleep((long) (random.nextDouble() * pullMillis));
        } else {
          DispatchDrill.sleep((long) (random.nextDouble() * referenceMillis));
        }
        if (!pull.isAlive()) {
          continue;
        }
        if (clubHub.logins() > logins) {
          midPull++;
        }
        pull.kill();
        killed++;
        check(data, made, "after kill " + killed, violations);
        progress.accept("pull: kill " + killed + ", " + violations.size() + " broken invariants");
      }
      int exit = sync(data, log).waitFor(900);
      String when = "round " + rounds;
      if (exit != 0) {
        violations.add(when + ": the pull after the kills exited " + exit + "; see " + log);
      }
      check(data, made, when, violations);
      DrillEffects.difference(expected, members(data))
          .ifPresent(
              difference ->
                  violations.add(when + ": members differ from an unkilled pull: " + difference));
      if (watermark(data).equals(made.watermark())) {
        violations.add(when + ": the completed pull did not move the watermark");
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("people_in_clubhub", (long) PEOPLE);
    counts.put("members_before_the_pulls", (long) made.members());
    counts.put("members_after_a_pull", (long) expected.size());
    counts.put("debts_with_a_start_on_file", (long) made.debtStarts().size());
    counts.put("rounds", (long) rounds);
    counts.put("kills_mid_pull", midPull);
    counts.put("reference_pull_millis", pullMillis);
    counts.put("reference_run_millis", referenceMillis);
    List<String> notes = new ArrayList<>();
    notes.add(store.isPostgres() ? DrillDatabase.POSTGRES_CHECK : DrillDatabase.EMBEDDED_CHECK);
    return new DrillResult("pull", killed, counts, violations, notes);
  }

  /** The invariants that hold whenever the pull stopped. */
  private void check(Path data, Template made, String when, List<String> violations) {
    DrillDatabase db = store.database(data);
    String integrity = db.integrity();
    if (!integrity.equals("ok")) {
      violations.add(when + ": integrity check: " + integrity);
      return;
    }
    long unlinked = db.count("SELECT COUNT(*) FROM member WHERE external_id IS NULL");
    if (unlinked > 0) {
      violations.add(when + ": " + unlinked + " members written without their ClubHub id");
    }
    long shared =
        db.count(
            "SELECT COUNT(*) FROM (SELECT external_id FROM member WHERE external_id IS NOT NULL"
                + " GROUP BY external_id"
                + " HAVING COUNT(*) > 1) shared");
    if (shared > 0) {
      violations.add(when + ": " + shared + " ClubHub ids belong to more than one member");
    }
    long members = db.count("SELECT COUNT(*) FROM member");
    if (members < made.members() || members > PEOPLE) {
      violations.add(
          when + ": " + members + " members (" + made.members() + " to " + PEOPLE + " expected)");
    }
    Set<String> optedOut =
        new HashSet<>(
            db.rows("SELECT member_id FROM member WHERE sms_opted_out = ?", true).stream()
                .map(row -> row.get(0))
                .toList());
    if (!optedOut.containsAll(made.optedOut())) {
      violations.add(when + ": an opt-out GymOps recorded was lost");
    }
    List<List<String>> lock =
        db.rows("SELECT door_state FROM member WHERE member_id = ?", made.locked());
    if (lock.isEmpty() || lock.get(0).get(0).equals("OPEN")) {
      violations.add(when + ": the door GymOps locked for " + made.locked() + " is open");
    }
    Map<String, String> starts =
        db.map("SELECT member_id, past_due_since FROM member WHERE past_due_cents > 0");
    made.debtStarts()
        .forEach(
            (member, start) -> {
              String now = starts.get(member);
              if (now != null && !now.startsWith(start)) {
                violations.add(
                    when + ": the debt of " + member + " began " + start + ", now " + now);
              }
            });
  }

  /**
   * @param members members stored
   * @param debtStarts each owing member's debt start, as an ISO day
   * @param optedOut members GymOps recorded a STOP from
   * @param locked the member GymOps locked the door of
   */
  private record Template(
      int members,
      Map<String, String> debtStarts,
      Set<String> optedOut,
      String locked,
      String watermark) {}

  private String watermark(Path data) {
    DrillDatabase db = store.database(data);
    return db.rows("SELECT " + db.isoInstant("watermark") + " FROM sync_state").toString();
  }

  /** The club as GymOps pulled it ten days ago, with GymOps' own writes since. */
  private Template makeTemplate(FakeClubHub clubHub, Path template) {
    Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
    Clock then = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), tenDaysAgo));
    Template made;
    try (GymOpsApp app =
        GymOpsApp.open(
            ConfigLoader.load(
                Optional.of(configFor(template, clubHub)), CREDENTIALS, ZoneOffset.UTC),
            template,
            then)) {
      app.clubPull().now(List.of(CLUB));
      Set<String> optedOut = new HashSet<>();
      List<MemberId> ids =
          app.stores().members().inClub(CLUB).stream().map(member -> member.id()).toList();
      for (int i = 0; i < ids.size(); i += 37) {
        app.stores().members().setSmsOptedOut(ids.get(i), true, then.instant());
        optedOut.add(ids.get(i).value());
      }
      MemberId locked = ids.get(ids.size() / 2);
      app.stores().members().setDoor(locked, DoorAccess.LOCKED_OTHER, then.instant());
      Map<String, String> starts = new LinkedHashMap<>();
      app.stores().members().inClub(CLUB).stream()
          .filter(member -> member.pastDue().isPositive())
          .forEach(member -> starts.put(member.id().value(), member.pastDueSince().toString()));
      made = new Template(ids.size(), starts, optedOut, locked.value(), null);
    }
    // Read once the app is closed: on PostgreSQL the copies are made from this database.
    return new Template(
        made.members(), made.debtStarts(), made.optedOut(), made.locked(), watermark(template));
  }

  private Set<String> members(Path data) {
    Set<String> rows = new HashSet<>();
    store
        .database(data)
        .rows("SELECT " + MEMBER_FIELDS + " FROM member")
        .forEach(row -> rows.add(String.join("|", row)));
    return rows;
  }

  private ChildProcess sync(Path data, Path log) {
    return ChildProcess.start(
        root,
        log,
        CREDENTIALS,
        "--config",
        configFor(data, null).toString(),
        "--data",
        data.toString(),
        "sync");
  }

  /** Until the child has logged in to ClubHub (or is gone). */
  private static void awaitLogin(FakeClubHub clubHub, ChildProcess child, int loginsBefore) {
    while (child.isAlive() && clubHub.logins() == loginsBefore) {
      DispatchDrill.sleep(10);
    }
  }

  /** Copies a data directory (and on PostgreSQL its database), replacing what was there. */
  private void copy(Path from, Path target) {
    DrillClub.delete(target);
    try {
      Files.createDirectories(target);
      try (var files = Files.list(from)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file)) {
            Files.copy(file, target.resolve(file.getFileName()));
          }
        }
      }
      String config = Files.readString(configPath(from));
      if (store.isPostgres()) {
        store.copyDatabase(from, target);
        config = config.replace(store.urlOf(from), store.urlOf(target));
      }
      Files.writeString(configPath(target), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path configPath(Path data) {
    return data.resolveSibling(data.getFileName() + ".yml");
  }

  /**
   * The configuration beside {@code data}, written when {@code clubHub} is given: one club on
   * ClubHub in pages of {@value #PAGE_SIZE} (a transaction each), and on PostgreSQL the data's
   * database.
   */
  private Path configFor(Path data, FakeClubHub clubHub) {
    Path config = configPath(data);
    if (clubHub == null) {
      return config;
    }
    String database =
        store.isPostgres()
            ? "database:\n  url: \"" + store.urlOf(data) + "\"\n  pool_size: 4\n"
            : "";
    try {
      Files.createDirectories(root);
      Files.writeString(
          config,
          String.join(
                  "\n",
                  "clubs:",
                  "  - id: " + CLUB.value(),
                  "    name: Drill Club on ClubHub",
                  "    timezone: UTC",
                  "    club_system_id: '" + CLUB_NUMBER + "'",
                  "club_system:",
                  "  system: clubhub",
                  "  clubhub:",
                  "    base_url: '" + clubHub.baseUrl() + "'",
                  "    page_size: " + PAGE_SIZE,
                  "")
              + database);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }
}
