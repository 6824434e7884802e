package com.gymops.application.care;

import static com.gymops.application.run.ClubPopulation.BIG_DEBT;
import static com.gymops.application.run.ClubPopulation.PAID_BUT_LOCKED;
import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.run.ClubPopulation;
import com.gymops.application.run.RunReport;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubSnapshot;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionHoldsTest {
  /**
   * The workflows that collect, in an order where each has work: the door before the past-due lock,
   * the referral last (an open referral ends the others' work); campaigns are not collections and
   * ignore holds.
   */
  private static final List<WorkflowId> COLLECTING =
      List.of(
          WorkflowId.DOOR_ACCESS,
          WorkflowId.PAST_DUE_MONITORING,
          WorkflowId.BATCH_INVOICES,
          WorkflowId.COLLECTIONS_ESCALATION,
          WorkflowId.COLLECTIONS_REFERRAL);

  private static final Actor DANA = Actor.person("dana");

  @TempDir Path directory;
  private TestClub club;
  private CollectionHolds holds;

  /** The referral list goes without approval, so that a referral is an effect a hold must stop. */
  @BeforeEach
  void open() {
    club = TestClub.in(directory, "approvals: {referral_list: false}\n");
    club.clock().set(scheduled(WorkflowId.DAILY_CAMPAIGNS));
    holds =
        new CollectionHolds(
            club.config(),
            club.stores().members(),
            club.stores().holds(),
            new Audit(club.stores().audit(), club.clock()),
            club.clock());
    ClubPopulation.seed(club);
  }

  @AfterEach
  void close() {
    club.close();
  }

  private static long actionsOf(RunReport report, String member) {
    return report.actions().stream().filter(a -> member.equals(a.memberId())).count();
  }

  @Test
  void without_a_hold_every_collecting_workflow_acts_on_the_big_debt() {
    // each on a club of its own: after door-access's lock text, past-due-monitoring rightly sends
    // no reminder for the reminder interval (docs/WORKFLOWS.md), which a hold has nothing to do
    // with
    for (WorkflowId workflow : COLLECTING) {
      try (TestClub alone =
          TestClub.in(directory.resolve(workflow.id()), "approvals: {referral_list: false}\n")) {
        alone.clock().set(scheduled(WorkflowId.DAILY_CAMPAIGNS));
        ClubPopulation.seed(alone);

        RunReport report = alone.run(workflow, scheduled(workflow));

        assertThat(actionsOf(report, BIG_DEBT.value())).as(workflow.id()).isPositive();
      }
    }
  }

  @Test
  void a_held_member_gets_no_reminder_invoice_escalation_referral_or_lock() {
    holds.hold(DANA, BIG_DEBT, TODAY.plusDays(14), "payment plan: $50 a week");

    for (WorkflowId workflow : COLLECTING) {
      RunReport report = club.run(workflow, scheduled(workflow));

      assertThat(actionsOf(report, BIG_DEBT.value())).as(workflow.id()).isZero();
      assertThat(report.skipped()).as(workflow.id()).containsEntry(ClubSnapshot.ON_HOLD, 1);
    }
    assertThat(club.stores().outbox().ofMember(BIG_DEBT)).isEmpty();
    assertThat(club.stores().members().find(BIG_DEBT).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    assertThat(club.count("SELECT COUNT(*) FROM referral")).isZero();
  }

  @Test
  void a_held_member_who_paid_is_still_unlocked() {
    club.clock().set(scheduled(WorkflowId.DOOR_ACCESS));
    holds.hold(DANA, PAID_BUT_LOCKED, TODAY.plusDays(3), "agreed by phone");

    club.run(WorkflowId.DOOR_ACCESS, scheduled(WorkflowId.DOOR_ACCESS));

    assertThat(club.stores().members().find(PAID_BUT_LOCKED).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
  }

  @Test
  void collections_resume_on_the_hold_date() {
    holds.hold(DANA, BIG_DEBT, TODAY.plusDays(1), "one day");
    WorkflowId workflow = WorkflowId.PAST_DUE_MONITORING;

    RunReport today = club.run(workflow, scheduled(workflow));
    RunReport tomorrow = club.run(workflow, scheduled(workflow).plus(java.time.Duration.ofDays(1)));

    assertThat(actionsOf(today, BIG_DEBT.value())).isZero();
    assertThat(actionsOf(tomorrow, BIG_DEBT.value())).isPositive();
  }

  @Test
  void a_hold_must_end_after_today_and_have_a_reason() {
    assertThatThrownBy(() -> holds.hold(DANA, BIG_DEBT, TODAY, "plan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after today");
    assertThatThrownBy(() -> holds.hold(DANA, BIG_DEBT, TODAY.plusDays(1), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
    assertThat(club.stores().holds().of(BIG_DEBT)).isEmpty();
  }

  @Test
  void a_released_hold_lets_collections_resume_and_both_changes_are_audited() {
    holds.hold(DANA, BIG_DEBT, TODAY.plusDays(14), "payment plan");
    holds.release(Actor.person("sam"), BIG_DEBT);

    RunReport report =
        club.run(WorkflowId.PAST_DUE_MONITORING, scheduled(WorkflowId.PAST_DUE_MONITORING));

    assertThat(actionsOf(report, BIG_DEBT.value())).isPositive();
    assertThat(club.stores().audit().about("member:" + BIG_DEBT))
        .extracting(e -> e.actor() + " " + e.action() + ": " + e.after())
        .containsExactly("dana hold: hold until 2026-12-15 (payment plan)", "sam release: no hold");
    assertThatThrownBy(() -> holds.release(DANA, BIG_DEBT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no collection hold");
  }

  @Test
  void a_token_of_another_club_may_not_hold() {
    assertThatThrownBy(
            () ->
                holds.hold(
                    new Actor("token:north", new com.gymops.domain.ClubId("north")),
                    BIG_DEBT,
                    TODAY.plusDays(3),
                    "plan"))
        .isInstanceOf(NotPermittedException.class);
    assertThat(club.stores().holds().of(BIG_DEBT)).isEmpty();
  }
}
