package com.gymops.bench.clubhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.run.RunReport;
import com.gymops.application.sync.ClubPull;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.PastDueSummary;
import com.gymops.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A club configured with ClubHub and nothing else, on the fake ClubHub: pull, then the six. */
class ClubHubDemoTest {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

  @TempDir Path directory;

  private final MutableClock clock = new MutableClock(NOW, ZONE);
  private ClubHubDemo demo;

  @AfterEach
  void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  private static Instant tenAm(Instant day) {
    return LocalDate.ofInstant(day, ZONE).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
  }

  private Set<String> idsWhere(java.util.function.Predicate<ClubHubSeed.Seeded> test) {
    return demo.seeded().entrySet().stream()
        .filter(entry -> test.test(entry.getValue()))
        .map(entry -> String.valueOf(entry.getKey()))
        .collect(Collectors.toSet());
  }

  @Test
  void the_six_workflows_run_on_members_pulled_from_clubhub_and_lock_through_its_bans() {
    demo = ClubHubDemo.open(directory, clock, ZONE, 300, 7);

    ClubPull.Report pulled = demo.pull();

    assertThat(pulled.pull().problems()).isEmpty();
    assertThat(pulled.pull().merged()).isEqualTo(demo.seeded().size());
    assertThat(demo.app().stores().members().count()).isEqualTo(demo.seeded().size());
    Set<String> owing = idsWhere(seeded -> seeded.member().pastDue().isPositive());
    assertThat(owing).isNotEmpty();
    for (String id : owing) {
      Member member = demo.app().stores().members().find(new MemberId(id)).orElseThrow();
      assertThat(member.pastDue())
          .isEqualTo(demo.seeded().get(Long.parseLong(id)).member().pastDue());
      assertThat(member.pastDueSince()).isNotNull();
    }

    List<RunReport> reports = demo.runSix(tenAm(NOW), false);

    assertThat(reports)
        .extracting(RunReport::workflow)
        .containsExactlyElementsOf(ClubHubDemo.ORDER);
    assertThat(reports)
        .allSatisfy(report -> assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED));
    PastDueSummary pastDue = (PastDueSummary) reports.get(1).summary();
    assertThat(pastDue.membersProcessed()).isEqualTo(owing.size());
    assertThat(pastDue.friendly() + pastDue.firm() + pastDue.finalNotices()).isPositive();

    // Locked: ClubHub said "more than 30 days" or "6-30 days", past the 3 days' grace.
    Set<String> banned = demo.clubHub().banned();
    Set<String> staff = idsWhere(ClubHubSeed.Seeded::staff);
    assertThat(banned).isNotEmpty().doesNotContainAnyElementsOf(staff);
    assertThat(staff).isNotEmpty();
    assertThat(reports.get(0).skipped()).containsEntry(DoorAccessPolicy.STAFF, staff.size());
    for (String id : banned) {
      assertThat(
              demo.app().stores().members().find(new MemberId(id)).orElseThrow().door().isLocked())
          .isTrue();
    }
  }

  @Test
  void a_later_pull_keeps_each_debts_start_and_staff_stay_unlocked_when_the_grace_has_passed() {
    demo = ClubHubDemo.open(directory, clock, ZONE, 300, 7);
    demo.pull();
    Map<String, LocalDate> firstStarts =
        idsWhere(seeded -> seeded.member().pastDue().isPositive()).stream()
            .collect(
                Collectors.toMap(
                    id -> id,
                    id ->
                        demo.app()
                            .stores()
                            .members()
                            .find(new MemberId(id))
                            .orElseThrow()
                            .pastDueSince()));

    clock.advance(Duration.ofDays(10));
    demo.pull();
    RunReport door =
        demo.runSix(tenAm(clock.instant()), false).stream()
            .filter(report -> report.workflow() == WorkflowId.DOOR_ACCESS)
            .findFirst()
            .orElseThrow();

    firstStarts.forEach(
        (id, start) ->
            assertThat(
                    demo.app()
                        .stores()
                        .members()
                        .find(new MemberId(id))
                        .orElseThrow()
                        .pastDueSince())
                .as("start of %s's debt", id)
                .isEqualTo(start));
    // Ten days on every debt is past the grace: all who owe are banned but staff.
    Set<String> staff = idsWhere(ClubHubSeed.Seeded::staff);
    Set<String> owingNotStaff = idsWhere(s -> s.member().pastDue().isPositive() && !s.staff());
    assertThat(demo.clubHub().banned())
        .containsAll(owingNotStaff)
        .doesNotContainAnyElementsOf(staff);
    assertThat(door.skipped()).containsEntry(DoorAccessPolicy.STAFF, staff.size());
  }
}
