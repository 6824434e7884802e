package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCommandTest {
  @TempDir Path work;

  @Test
  void lists_the_next_fires_of_each_workflow_and_club_as_json() throws Exception {
    Files.writeString(
        work.resolve("gymops.yml"),
        """
        clubs:
          - id: main
            timezone: America/New_York
            access: {enabled: false}
        """);

    CliRun run =
        CliRun.in(work, "schedule", "--from", "2026-12-28T00:00:00Z", "--count", "2", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode fires = new ObjectMapper().readTree(run.out());
    assertThat(fires).hasSize(5 * 2);
    List<String> referral = new ArrayList<>();
    for (JsonNode fire : fires) {
      assertThat(fire.get("club_id").asText()).isEqualTo("main");
      if (fire.get("workflow").asText().equals("collections-referral")) {
        referral.add(fire.get("fire_at").asText() + " " + fire.get("local_time").asText());
      }
    }
    assertThat(referral)
        .containsExactly(
            "2027-01-04T14:00:00Z 2027-01-04T09:00:00-05:00",
            "2027-01-18T14:00:00Z 2027-01-18T09:00:00-05:00");
  }

  @Test
  void prints_one_line_per_fire_without_json() {
    CliRun run = CliRun.in(work, "schedule", "--from", "2026-11-01T04:30:00Z", "--count", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().count()).isEqualTo(6 * 3);
  }
}
