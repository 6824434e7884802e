package com.gymops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.config.GymOpsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's month: its LLM requests follow the schedule, not the number of members, and each
 * workflow asks the model at most once a day.
 */
class MonthScenarioTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  @TempDir Path work;

  @Test
  void the_month_request_count_is_flat_in_members() {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs:\n  - id: main\n    name: Main Club\n    timezone: America/New_York\n",
            Map.of(),
            ZONE);
    BenchClub club =
        BenchClub.from(config, Clock.fixed(Instant.parse("2026-12-01T15:00:00Z"), ZONE));
    SeededClubs clubs = new SeededClubs(club, work, 7);
    MonthScenario month = new MonthScenario(club, clubs, line -> {});

    AgentFigures.Month small = month.measure(200, 1);
    AgentFigures.Month large = month.measure(2_000, 1);

    assertThat(small.runs()).isEqualTo(large.runs()).isPositive();
    assertThat(small.requests()).isPositive();
    assertThat(large.runsAsked()).isLessThan(large.runs());
    // Ten times the members: the same schedule, so about the same requests, never ten times.
    assertThat(large.requests()).isLessThanOrEqualTo(small.requests() * 2);
    // agent.review_every: day (the default): each workflow asks at most once a club-local day.
    for (AgentFigures.Month figures : java.util.List.of(small, large)) {
      assertThat(figures.askedByWorkflow().values())
          .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(figures.days()));
    }
    assertThat(large.cachedInputTokens()).isPositive();
    assertThat(large.dollars()).isPositive();
  }
}
