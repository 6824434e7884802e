package com.gymops.bench;

import com.gymops.adapter.schedule.ClubWorkflow;
import com.gymops.app.GymOpsApp;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.CompetentModel;
import com.gymops.fakes.FakeMessagesApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A month of one demo club in agent mode: every enabled workflow at each of its scheduled fires
 * (the scheduler's own schedules), in time order, each run at its fire time ({@code --at}
 * stepping), the competent model behind the fake Messages API, whose prompt cache lives on the same
 * simulated time. Nobody pays and no text is sent in between, so the club's state moves only by
 * what the runs themselves do; the figure is what the model costs the club in that month.
 */
final class MonthScenario {
  private static final String KEY = "sk-ant-bench-not-a-real-key";

  private final BenchClub club;
  private final SeededClubs clubs;
  private final Consumer<String> progress;

  MonthScenario(BenchClub club, SeededClubs clubs, Consumer<String> progress) {
    this.club = club;
    this.clubs = clubs;
    this.progress = progress;
  }

  private record Fire(Instant at, WorkflowId workflow) {}

  AgentFigures.Month measure(int members, int days) {
    SeededClubs.Template template = clubs.template(members);
    Path copy = clubs.copy(template);
    Instant start = club.today().atStartOfDay(club.club().zone()).toInstant();
    Instant end = start.plus(java.time.Duration.ofDays(days));
    SteppedClock clock = new SteppedClock(start, club.club().zone());
    AgentFigures.Price price = AgentFigures.Price.of(club.config().agent().model());
    try (FakeMessagesApi api = new FakeMessagesApi(new CompetentModel(), clock::instant)) {
      BenchClub agentClub =
          club.withAgent(club.config().agent().withApiKey(KEY).withBaseUrl(api.baseUrl()));
      int runs = 0;
      int asked = 0;
      java.util.Map<String, Integer> askedBy = new java.util.TreeMap<>();
      try (GymOpsApp app = agentClub.open(copy, clock)) {
        for (Fire fire : fires(agentClub, start, end)) {
          clock.set(fire.at());
          RunReport report =
              app.runner()
                  .run(
                      new RunRequest(
                          fire.workflow(), club.club().id(), RunMode.AGENT, false, fire.at()));
          runs++;
          if (report.agent() != null && report.agent().modelAsked()) {
            asked++;
            askedBy.merge(fire.workflow().id(), 1, Integer::sum);
          }
        }
      }
      double dollars =
          price.cost(
              api.inputTokens(),
              api.cacheCreationInputTokens(),
              api.cacheReadInputTokens(),
              api.outputTokens());
      AgentFigures.Month month =
          new AgentFigures.Month(
              members,
              days,
              runs,
              asked,
              askedBy,
              api.requests(),
              api.inputTokens(),
              api.cacheReadInputTokens(),
              api.cacheCreationInputTokens(),
              api.outputTokens(),
              Math.round(dollars * 10_000) / 10_000.0);
      progress.accept(
          String.format(
              "agent month at %d members: %d runs, %d asked, %d requests, $%.4f",
              members, runs, asked, month.requests(), month.dollars()));
      return month;
    } finally {
      SeededClubs.deleteDirectory(copy);
    }
  }

  /** Every fire of every enabled workflow in [start, end), in time order. */
  private static List<Fire> fires(BenchClub club, Instant start, Instant end) {
    List<Fire> fires = new ArrayList<>();
    for (ClubWorkflow workflow : ClubWorkflow.enabledIn(club.config())) {
      Instant at = workflow.getSchedule().nextAfter(start.minusNanos(1));
      while (at.isBefore(end)) {
        fires.add(new Fire(at, workflow.workflow()));
        at = workflow.getSchedule().nextAfter(at);
      }
    }
    fires.sort(Comparator.comparing(Fire::at).thenComparing(f -> f.workflow().ordinal()));
    return fires;
  }

  /** The simulated time of the month: set to each fire before its run. */
  static final class SteppedClock extends Clock {
    private final java.util.concurrent.atomic.AtomicReference<Instant> now;
    private final ZoneId zone;

    SteppedClock(Instant start, ZoneId zone) {
      this(new java.util.concurrent.atomic.AtomicReference<>(start), zone);
    }

    private SteppedClock(java.util.concurrent.atomic.AtomicReference<Instant> now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    void set(Instant at) {
      now.set(at);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    /** The same simulated time, seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
      return new SteppedClock(now, other);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
