package com.gymops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fair floor reads what the rules runs' policies must read, not less. */
class FairFloorTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  @TempDir Path work;

  @Test
  void reads_the_members_in_scope_and_the_attempt_history_the_past_due_run_reads() {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs:\n  - id: main\n    name: Main Club\n    timezone: America/New_York\n",
            Map.of(),
            ZONE);
    BenchClub club =
        BenchClub.from(config, Clock.fixed(Instant.parse("2026-12-01T15:00:00Z"), ZONE));
    SeededClubs clubs = new SeededClubs(club, work, 7);
    Path copy = clubs.copy(clubs.template(2_000));
    try (GymOpsApp app = clubs.open(copy)) {
      ClubId id = club.club().id();
      List<Member> inScope = app.stores().members().pastDueOrLocked(id);
      List<Member> owing = app.stores().members().pastDue(id, Money.ofCents(1));
      // The snapshot's window: a year and a month, or back to the oldest delinquency in view.
      Instant since = club.at().minus(FairFloor.HISTORY);
      for (Member member : owing) {
        Instant start = member.pastDueSince().atStartOfDay(club.club().zone()).toInstant();
        since = start.isBefore(since) ? start : since;
      }
      long history =
          app
              .stores()
              .attempts()
              .ofPastDueInClubSince(id, Money.ofCents(1), since)
              .values()
              .stream()
              .mapToLong(List::size)
              .sum();

      FairFloor.Reads reads =
          FairFloor.perform(
              app.database().dataSource(),
              club.club(),
              new FairFloor.Rows(1, 1, 1, 1, 1, 1),
              club.at());

      assertThat(reads.members()).isEqualTo(inScope.size()).isGreaterThan(owing.size());
      assertThat(reads.attempts()).isEqualTo(history).isGreaterThan(owing.size());
    } finally {
      clubs.delete(copy);
    }
  }
}
