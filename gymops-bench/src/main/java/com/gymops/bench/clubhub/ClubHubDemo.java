package com.gymops.bench.clubhub;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.app.demo.DemoData;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.sync.ClubPull;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.FakeClubHub;
import com.gymops.fakes.LoopbackServers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A club whose only source is ClubHub: the fake ClubHub on loopback holds the demo club
 * (ClubHubSeed), GymOps is configured with {@code club_system.system: clubhub} and {@code
 * door.system: clubhub} and nothing else, pulls it through the real adapter and runs the six
 * workflows on what it pulled. Texts go to the data directory's messages.log (no provider is
 * configured); locks and unlocks are ClubHub bans on the fake.
 */
public final class ClubHubDemo implements AutoCloseable {
  public static final ClubId CLUB = new ClubId("main");
  public static final String CLUB_NUMBER = "1156";

  /** Access first (unlocks at once), then collections, invoices and marketing, as the demo runs. */
  public static final List<WorkflowId> ORDER =
      List.of(
          WorkflowId.DOOR_ACCESS,
          WorkflowId.PAST_DUE_MONITORING,
          WorkflowId.COLLECTIONS_ESCALATION,
          WorkflowId.COLLECTIONS_REFERRAL,
          WorkflowId.BATCH_INVOICES,
          WorkflowId.DAILY_CAMPAIGNS);

  private final FakeClubHub clubHub;
  private final GymOpsApp app;
  private final Map<Long, ClubHubSeed.Seeded> seeded;

  private ClubHubDemo(FakeClubHub clubHub, GymOpsApp app, Map<Long, ClubHubSeed.Seeded> seeded) {
    this.clubHub = clubHub;
    this.app = app;
    this.seeded = Map.copyOf(seeded);
  }

  /**
   * Starts the fake ClubHub with a generated club of {@code members} people and opens GymOps on
   * {@code directory} configured for it.
   */
  public static ClubHubDemo open(Path directory, Clock clock, ZoneId zone, int members, long seed) {
    LoopbackServers.answerWithoutDelay();
    FakeClubHub clubHub = FakeClubHub.start();
    try {
      LocalDate today = LocalDate.now(clock.withZone(zone));
      DemoData data = new DemoClubGenerator(today, zone).generate(CLUB, members, seed);
      Map<Long, ClubHubSeed.Seeded> seeded = ClubHubSeed.put(clubHub, CLUB_NUMBER, data, today);
      GymOpsApp app =
          GymOpsApp.open(
              ConfigLoader.parse(
                  configuration(clubHub.baseUrl(), zone),
                  Map.of(
                      "GYMOPS_CLUBHUB_USERNAME", FakeClubHub.USERNAME,
                      "GYMOPS_CLUBHUB_PASSWORD", FakeClubHub.PASSWORD),
                  zone),
              directory,
              clock);
      return new ClubHubDemo(clubHub, app, seeded);
    } catch (RuntimeException e) {
      clubHub.close();
      throw e;
    }
  }

  /**
   * The configuration of a club on ClubHub. ClubHub holds no marketing consent; the demo club
   * attests it (docs/INTEGRATIONS.md, Consent), so the day's campaign has an audience. The first
   * pull brings every overdue member at once, more than the breaker's 10 locks a run; the demo
   * raises {@code access.max_locks_per_run} so its door-access run shows the bans themselves.
   */
  static String configuration(String baseUrl, ZoneId zone) {
    return "clubs:\n"
        + "  - id: "
        + CLUB.value()
        + "\n    name: Demo Club on ClubHub\n    timezone: "
        + zone.getId()
        + "\n    manager: {phone: '+12015550100', email: manager@example.com}\n"
        + "    club_system_id: '"
        + CLUB_NUMBER
        + "'\n    club_system_consent: attested\n"
        + "club_system:\n  system: clubhub\n  clubhub:\n    base_url: '"
        + baseUrl
        + "'\n"
        + "door:\n  system: clubhub\n"
        + "access:\n  max_locks_per_run: 100000\n";
  }

  /** One pull, as {@code gymops sync} and serve's tick run it. */
  public ClubPull.Report pull() {
    return app.clubPull().now(List.of(CLUB));
  }

  /** The six workflows by the rules at {@code at}, in {@link #ORDER}. */
  public List<RunReport> runSix(Instant at, boolean dryRun) {
    List<RunReport> reports = new ArrayList<>(ORDER.size());
    for (WorkflowId workflow : ORDER) {
      reports.add(app.runner().run(new RunRequest(workflow, CLUB, RunMode.RULES, dryRun, at)));
    }
    return reports;
  }

  public FakeClubHub clubHub() {
    return clubHub;
  }

  public GymOpsApp app() {
    return app;
  }

  /** What the fake ClubHub holds, by ClubHub id. */
  public Map<Long, ClubHubSeed.Seeded> seeded() {
    return seeded;
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      clubHub.close();
    }
  }
}
