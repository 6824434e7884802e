package com.gymops.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.app.demo.DemoData;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.WorkflowId;
import com.gymops.testing.TestClub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * On random demo clubs, at random instants: running a workflow again later in the same period adds
 * no effect at all — the rules see the period's start, and every effect's key is taken.
 */
class RerunProperties {
  @Property(tries = 24)
  void rerunning_any_workflow_in_the_same_period_adds_no_effect(
      @ForAll WorkflowId workflow,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 364) int dayOfYear,
      @ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 0, max = 29) int firstMinute,
      @ForAll @IntRange(min = 30, max = 59) int laterMinute) {
    LocalDate day = LocalDate.of(2026, 1, 1).plusDays(dayOfYear);
    Instant first = TestClub.at(day.atTime(hour, 0)).plus(Duration.ofMinutes(firstMinute));
    Instant later = first.plus(Duration.ofMinutes(laterMinute - firstMinute));
    Path directory = temporaryDirectory();
    try (TestClub club = TestClub.in(directory)) {
      DemoData data = new DemoClubGenerator(day, TestClub.ZONE).generate(TestClub.MAIN, 60, seed);
      club.seed(data.members().toArray(com.gymops.domain.Member[]::new));
      for (CollectionAttempt attempt : data.attempts()) {
        club.seedAttempt(
            attempt.memberId(), attempt.attemptedAt(), attempt.kind(), attempt.outcome());
      }
      // Reminders that come of age between the two runs: the 72-hour rule would allow a second
      // reminder at the later instant, but not at the period's start.
      java.util.Random random = new java.util.Random(seed);
      for (com.gymops.domain.Member member : data.members()) {
        if (member.isPastDue() && random.nextBoolean()) {
          club.seedAttempt(
              member.id(),
              first.minus(Duration.ofHours(72)).plus(Duration.ofMinutes(1 + random.nextInt(59))),
              AttemptKind.FRIENDLY,
              AttemptOutcome.DELIVERED);
        }
      }
      club.run(workflow, first);
      Map<String, Long> afterFirst = club.effectCounts();

      RunReport rerun = club.run(workflow, later);

      assertThat(club.effectCounts()).isEqualTo(afterFirst);
      assertThat(TestClub.outcomes(rerun)).doesNotContain("done");
    } finally {
      delete(directory);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("gymops-rerun");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
