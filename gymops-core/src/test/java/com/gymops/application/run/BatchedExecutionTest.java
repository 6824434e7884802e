package com.gymops.application.run;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Channel;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.Effect;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.PlannedMessage;
import com.gymops.policy.ReminderTier;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchedExecutionTest {
  @TempDir Path directory;
  private TestClub club;
  private ActionExecutor executor;
  private RunContext context;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    executor = new ActionExecutor(club.stores(), MessageTemplates.defaults());
    context =
        RunContext.of(
            "run-batch",
            WorkflowId.PAST_DUE_MONITORING,
            club.config().clubs().get(0).club(),
            club.config().clubs().get(0).policy(),
            local(TODAY, LocalTime.of(11, 0)));
  }

  @AfterEach
  void close() {
    club.close();
  }

  private static Member owing(String id) {
    return aMember().withId(id).withBalance("30.00", TODAY.minusDays(5)).build();
  }

  private static ActionExecutor.Planned reminder(Member member, MemberId id) {
    PlannedMessage text =
        new PlannedMessage(
            MessageTemplates.REMINDER_FRIENDLY,
            MessagePurpose.REMINDER,
            Channel.SMS,
            "+15550000000",
            null,
            "Hi, your balance is past due.",
            1,
            local(TODAY, LocalTime.of(11, 0)));
    return new ActionExecutor.Planned(
        new Action(id, new Effect.SendReminder(ReminderTier.FRIENDLY, text), "test", Map.of()),
        member);
  }

  private List<Outcome.Kind> kinds(List<Outcome> outcomes) {
    return outcomes.stream().map(Outcome::kind).toList();
  }

  private int messagesOf(String id) {
    return club.stores().outbox().ofMember(new MemberId(id)).size();
  }

  @Test
  void a_ledger_writes_each_effects_event_with_it_so_a_run_killed_before_its_end_keeps_them() {
    Member first = owing("M1");
    Member second = owing("M2");
    club.seed(first, second);
    RunPlanner planner = Runners.planner(club.stores(), MessageTemplates.defaults());
    var settings = club.config().clubs().get(0);
    PlannedRun planned =
        planner.plan(
            "run-killed",
            WorkflowId.PAST_DUE_MONITORING,
            settings.club(),
            settings.policy(),
            local(TODAY, LocalTime.of(11, 0)));
    club.stores()
        .runs()
        .start(
            new com.gymops.domain.WorkflowRun(
                "run-killed",
                WorkflowId.PAST_DUE_MONITORING,
                settings.club().id(),
                "rules",
                null,
                false,
                com.gymops.domain.RunStatus.RUNNING,
                planned.context().now(),
                planned.context().now(),
                null,
                null,
                null));

    // The effects, then nothing: the process dies before the runner records the run's end.
    List<PlanLedger.Entry> executed = new PlanLedger(planned, executor).executeRemaining();

    assertThat(executed).isNotEmpty();
    assertThat(club.stores().runs().events("run-killed"))
        .extracting(com.gymops.domain.RunEvent::seq)
        .containsExactlyElementsOf(executed.stream().map(entry -> entry.index() + 1).toList());
    assertThat(messagesOf("M1")).isOne();
  }

  @Test
  void a_batch_gives_the_outcomes_one_by_one_execution_would_and_is_idempotent() {
    Member first = owing("M1");
    Member second = owing("M2");
    club.seed(first, second);
    List<ActionExecutor.Planned> batch =
        List.of(reminder(first, first.id()), reminder(second, second.id()));

    List<Outcome> once = executor.executeAll(batch, context);
    List<Outcome> twice = executor.executeAll(batch, context);

    assertThat(kinds(once)).containsExactly(Outcome.Kind.DONE, Outcome.Kind.DONE);
    assertThat(kinds(twice)).containsExactly(Outcome.Kind.ALREADY_DONE, Outcome.Kind.ALREADY_DONE);
    assertThat(messagesOf("M1")).isOne();
    assertThat(messagesOf("M2")).isOne();
  }

  @Test
  void one_failing_action_rolls_its_batch_back_and_the_others_still_happen_one_by_one() {
    Member first = owing("M1");
    Member second = owing("M2");
    club.seed(first, second);
    // A reminder without its member throws inside the batch's transaction.
    List<ActionExecutor.Planned> batch =
        List.of(
            reminder(first, first.id()),
            reminder(null, new MemberId("M9")),
            reminder(second, second.id()));

    List<Outcome> outcomes = executor.executeAll(batch, context);

    assertThat(kinds(outcomes))
        .containsExactly(Outcome.Kind.DONE, Outcome.Kind.FAILED, Outcome.Kind.DONE);
    assertThat(outcomes.get(1).message()).contains("needs a member");
    assertThat(messagesOf("M1")).isOne();
    assertThat(messagesOf("M2")).isOne();
    assertThat(club.stores().attempts().ofMember(first.id())).hasSize(1);
  }

  @Test
  void a_run_with_more_actions_than_one_batch_executes_each_of_them_once() {
    int members = PlanLedger.BATCH + 7;
    Member[] owing = new Member[members];
    for (int i = 0; i < members; i++) {
      owing[i] = owing(String.format("M%04d", i));
    }
    club.seed(owing);

    RunReport report = club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(11, 0)));

    assertThat(report.actions()).hasSizeGreaterThan(PlanLedger.BATCH);
    assertThat(report.outcomes()).containsEntry("done", report.actions().size());
    assertThat(club.stores().outbox().countByStatus().values().stream().mapToLong(n -> n).sum())
        .isEqualTo(members);
  }

  @Test
  void a_confirmed_door_change_commits_with_its_text_even_when_its_batch_is_retried_unit_by_unit() {
    Member locked = owing("M1");
    Member other = owing("M2");
    club.seed(locked, other);
    ActionExecutor.Planned lock =
        new ActionExecutor.Planned(
            new Action(
                locked.id(),
                new Effect.LockDoor(),
                com.gymops.policy.DoorAccessPolicy.RULE_LOCK,
                Map.of()),
            locked);
    assertThat(executor.askDoor(lock, context, ActionExecutor.Audit.NONE)).isEmpty();
    List<List<ActionExecutor.Planned>> units =
        List.of(
            List.of(
                new ActionExecutor.Planned(lock.action(), locked, true),
                reminder(locked, locked.id())),
            // A reminder without its member throws inside the batch's transaction.
            List.of(reminder(null, new MemberId("M9"))),
            List.of(reminder(other, other.id())));

    List<Outcome> outcomes = executor.executeUnits(units, context, ActionExecutor.Audit.NONE);

    assertThat(kinds(outcomes))
        .containsExactly(
            Outcome.Kind.DONE, Outcome.Kind.DONE, Outcome.Kind.FAILED, Outcome.Kind.DONE);
    assertThat(club.stores().doors().ofMember(locked.id())).hasSize(1);
    assertThat(messagesOf("M1")).isOne();
    assertThat(messagesOf("M2")).isOne();
  }
}
