package com.gymops.application.care;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Payment;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breaker files one approval; approving executes exactly the withheld locks, once. */
class ApprovalsTest {
  private static final Instant TEN = local(TODAY, LocalTime.of(10, 0));
  private static final Actor DANA = Actor.person("dana");
  private static final Actor SAM = Actor.person("sam");

  @TempDir Path directory;
  private TestClub club;
  private WorkflowRunner runner;
  private Approvals approvals;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    runner = runnerOn(club);
    approvals = approvalsOn(club);
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      members.add(
          aMember()
              .withId(String.format("L%02d", i))
              .withBalance("30.00", TODAY.minusDays(5))
              .build());
    }
    club.seed(members.toArray(Member[]::new));
  }

  /** A runner filing its approvals on the club's desk, as in {@code serve}. */
  private static WorkflowRunner runnerOn(TestClub club) {
    return Runners.runner(
        club.config(),
        club.stores(),
        new ActionExecutor(club.stores(), MessageTemplates.defaults()),
        Runners.planner(club.stores(), MessageTemplates.defaults()),
        new CsvReportWriter(club.reports()),
        club.clock(),
        WorkflowRunner.NO_AGENT,
        Runners.filing(club.config(), club.stores(), club.clock()));
  }

  /** Another engine on the same database: a second process, or this one after a restart. */
  private static Approvals approvalsOn(TestClub club) {
    return new Approvals(
        club.config(),
        club.stores().approvals(),
        runnerOn(club),
        new Audit(club.stores().audit(), club.clock()),
        club.clock());
  }

  @AfterEach
  void close() {
    club.close();
  }

  private RunReport doorRun(Instant at) {
    club.clock().set(at);
    return runner.run(
        new RunRequest(WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, at));
  }

  private Approval thePendingApproval() {
    List<Approval> pending = approvals.list(DANA, TestClub.MAIN, true);
    assertThat(pending).hasSize(1);
    return pending.get(0);
  }

  private long locked() {
    return club.stores().members().inClub(TestClub.MAIN).stream()
        .filter(m -> m.door().equals(DoorAccess.LOCKED_FOR_PAYMENT))
        .count();
  }

  @Test
  void the_breaker_files_one_approval_with_the_exact_withheld_locks_and_their_texts() {
    doorRun(TEN);
    doorRun(TEN.plus(Duration.ofMinutes(30)));
    doorRun(TEN.plus(Duration.ofHours(1)));

    Approval approval = thePendingApproval();
    assertThat(locked()).isZero();
    assertThat(approval.kind()).isEqualTo(Approval.Kind.LOCKS_OVER_LIMIT);
    assertThat(approval.requestedBy()).isEqualTo("door.lock");
    assertThat(approval.expiresAt()).isEqualTo(TEN.plus(Duration.ofHours(4)));
    assertThat(approval.actions()).hasSize(36);
    assertThat(approval.actions())
        .filteredOn(a -> a.action().equals("lock_door"))
        .extracting(a -> a.memberId().value())
        .hasSize(12)
        .contains("L01", "L12");
    assertThat(approval.actions())
        .filteredOn(a -> a.action().equals("send_message"))
        .extracting(ApprovalAction::text)
        .allSatisfy(text -> assertThat(text).contains("door access is paused", "$30.00"));
    // The manager is texted once about it (and once by the breaker's notice).
    assertThat(club.stores().outbox().ofRun(approval.runId()))
        .extracting(m -> m.idempotencyKey())
        .anyMatch(key -> key.startsWith("alert:approval:"));
  }

  @Test
  void approving_locks_exactly_the_withheld_members_once_minus_one_who_paid_meanwhile() {
    doorRun(TEN);
    Approval approval = thePendingApproval();
    club.stores()
        .payments()
        .apply(
            new Payment("pay-1", new MemberId("L03"), Money.parse("30.00"), TEN),
            TEN.plusSeconds(60));
    club.clock().set(TEN.plus(Duration.ofMinutes(20)));

    Approvals.Decision decision = approvals.approve(DANA, approval.id());

    assertThat(decision.note()).contains("executed 33 of 36", "3 dropped");
    assertThat(locked()).isEqualTo(11);
    assertThat(club.stores().members().find(new MemberId("L03")).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    Approval after = decision.approval();
    assertThat(after.status()).isEqualTo(Approval.Status.APPROVED);
    assertThat(after.decidedBy()).isEqualTo("dana");
    assertThat(after.executedAt()).isNotNull();
    assertThat(after.actions())
        .filteredOn(a -> a.memberId().value().equals("L03"))
        .extracting(ApprovalAction::outcome)
        .containsOnly(Approvals.DROPPED);
    assertThat(club.stores().audit().about("approval:" + approval.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.actor() + " " + e.after()).isEqualTo("dana approved"));

    // A second approve, by anyone, does nothing and says why.
    long doorChanges = club.stores().doors().count();
    assertThatThrownBy(() -> approvals.approve(SAM, approval.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not pending: it is approved (by dana)");
    approvals.settle();
    assertThat(club.stores().doors().count()).isEqualTo(doorChanges);

    // The next hourly run finds them locked: no new breaker, no new approval.
    doorRun(TEN.plus(Duration.ofHours(1)));
    assertThat(approvals.list(DANA, TestClub.MAIN, false)).hasSize(1);
    assertThat(locked()).isEqualTo(11);
  }

  @Test
  void deny_and_expiry_execute_nothing() {
    doorRun(TEN);
    Approval first = thePendingApproval();
    approvals.deny(SAM, first.id(), "billing feed is wrong");

    assertThat(locked()).isZero();
    assertThat(approvals.find(DANA, first.id()).status()).isEqualTo(Approval.Status.DENIED);
    assertThat(approvals.find(DANA, first.id()).reason()).isEqualTo("billing feed is wrong");

    // The next day's breaker files a new one, which times out after 4 hours.
    Instant tomorrow = TEN.plus(Duration.ofDays(1));
    doorRun(tomorrow);
    Approval second = thePendingApproval();
    club.clock().set(tomorrow.plus(Duration.ofHours(4)).plusSeconds(1));
    approvals.settle();

    assertThat(approvals.find(DANA, second.id()).status()).isEqualTo(Approval.Status.EXPIRED);
    assertThatThrownBy(() -> approvals.approve(DANA, second.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it is expired");
    assertThat(locked()).isZero();
    assertThat(club.stores().doors().count()).isZero();
  }

  @Test
  void two_managers_approving_at_once_execute_it_once() throws Exception {
    doorRun(TEN);
    Approval approval = thePendingApproval();
    Approvals other = approvalsOn(club);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<String>> approvers =
          List.of(
              () -> {
                start.await();
                return approvals.approve(DANA, approval.id()).note();
              },
              () -> {
                start.await();
                return other.approve(SAM, approval.id()).note();
              });
      List<Future<String>> results = new ArrayList<>();
      for (Callable<String> approver : approvers) {
        results.add(pool.submit(approver));
      }
      start.countDown();
      int succeeded = 0;
      int refused = 0;
      for (Future<String> result : results) {
        try {
          result.get();
          succeeded++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
          refused++;
        }
      }
      assertThat(succeeded).isEqualTo(1);
      assertThat(refused).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(locked()).isEqualTo(12);
    assertThat(club.stores().doors().count()).isEqualTo(12);
    assertThat(
            club.count(
                "SELECT COUNT(*) FROM outbound_message WHERE template_key = 'access_locked'"))
        .isEqualTo(12);
  }

  @Test
  void an_approval_a_crash_left_unexecuted_completes_on_restart_without_repeats() {
    doorRun(TEN);
    Approval approval = thePendingApproval();
    // The process decided, then died before executing.
    club.stores().approvals().decide(approval.id(), Approval.Status.APPROVED, "dana", TEN, null);
    club.clock().set(TEN.plus(Duration.ofMinutes(5)));

    Approvals restarted = approvalsOn(club);
    restarted.settle();
    restarted.settle();

    assertThat(locked()).isEqualTo(12);
    assertThat(club.stores().doors().count()).isEqualTo(12);
    Approval done = restarted.find(DANA, approval.id());
    assertThat(done.executedAt()).isNotNull();
    assertThat(done.actions()).extracting(ApprovalAction::outcome).containsOnly("done");

    // Executing it again (a stale claim taken over) finds every key taken.
    club.clock().set(TEN.plus(Duration.ofHours(1)));
    assertThat(
            club.count(
                "SELECT COUNT(*) FROM outbound_message WHERE template_key = 'access_locked'"))
        .isEqualTo(12);
  }

  @Test
  void an_execution_a_crash_interrupted_is_taken_over_and_repeats_nothing() {
    doorRun(TEN);
    Approval approval = thePendingApproval();
    club.stores().approvals().decide(approval.id(), Approval.Status.APPROVED, "dana", TEN, null);
    // The first process claimed it and executed the first member's three actions, then died.
    club.stores().approvals().claim(approval.id(), "run-dead", TEN, TEN);
    MemberId first = new MemberId("L01");
    runner.run(
        RunRequest.approved(
            WorkflowId.DOOR_ACCESS,
            TestClub.MAIN,
            approval.actions().stream().filter(a -> a.memberId().equals(first)).toList(),
            TEN,
            "run-dead"));
    assertThat(locked()).isEqualTo(1);

    Approvals restarted = approvalsOn(club);
    club.clock().set(TEN.plus(Duration.ofMinutes(5)));
    restarted.settle();
    assertThat(locked()).as("the claim is still fresh").isEqualTo(1);

    club.clock().set(TEN.plus(Approvals.STALE_CLAIM).plusSeconds(1));
    restarted.settle();

    assertThat(locked()).isEqualTo(12);
    assertThat(club.stores().doors().count()).isEqualTo(12);
    assertThat(
            club.count(
                "SELECT COUNT(*) FROM outbound_message WHERE template_key = 'access_locked'"))
        .isEqualTo(12);
    assertThat(club.stores().notes().ofMember(first)).hasSize(1);
  }
}
