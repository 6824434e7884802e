package com.gymops.application.care;

import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.payments.PaymentResult;
import com.gymops.application.payments.PaymentService;
import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.EscalationStore;
import com.gymops.application.port.store.HoldStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.PayLinks;
import com.gymops.application.port.store.ReferralStore;
import com.gymops.application.port.store.RunStore;
import com.gymops.application.port.store.Stores;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.domain.Approval;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Payment;
import com.gymops.domain.Referral;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment's door, a manual lock and an approval's execution are runs of the one runner: one run
 * record each, each event written once, and a run for a few members reads only their rows.
 */
class OneRunLifecycleTest {
  private static final Instant TEN = local(TODAY, LocalTime.of(10, 0));

  /** The reads that walk the whole club: a run for a few members makes none of them. */
  private static final Set<String> CLUB_WIDE =
      Set.of(
          "MemberStore.inClub",
          "MemberStore.pastDue",
          "MemberStore.pastDueOrLocked",
          "AttemptStore.inClubSince",
          "AttemptStore.ofPastDueInClubSince",
          "ReferralStore.openInClub",
          "HoldStore.standingInClub",
          "EscalationStore.latestInClub",
          "Outbox.marketingHistory");

  @TempDir Path directory;
  private TestClub club;

  /** Every call of the recorded ports, as {@code Port.method}, in order. */
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** Every run event written, as {@code runId#seq}, once per write. */
  private final List<String> writtenEvents = Collections.synchronizedList(new ArrayList<>());

  private Stores stores;
  private WorkflowRunner runner;

  @BeforeEach
  void open() {
    club = TestClub.in(directory);
    stores = recorded(club.stores());
    runner =
        Runners.runner(
            club.config(),
            stores,
            new ActionExecutor(stores, MessageTemplates.defaults()),
            Runners.planner(stores, MessageTemplates.defaults()),
            new CsvReportWriter(club.reports()),
            club.clock(),
            WorkflowRunner.NO_AGENT,
            Runners.filing(club.config(), stores, club.clock()));
  }

  @AfterEach
  void close() {
    club.close();
  }

  @Test
  void an_approvals_execution_is_a_run_that_writes_each_event_once_and_reads_only_its_members() {
    List<Member> owing = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      owing.add(
          aMember()
              .withId(String.format("L%02d", i))
              .withBalance("30.00", TODAY.minusDays(5))
              .build());
    }
    club.seed(owing.toArray(Member[]::new));
    club.clock().set(TEN);
    runner.run(new RunRequest(WorkflowId.DOOR_ACCESS, TestClub.MAIN, RunMode.RULES, false, TEN));
    Approvals approvals =
        new Approvals(
            club.config(),
            stores.approvals(),
            runner,
            new Audit(stores.audit(), club.clock()),
            club.clock());
    Approval pending = approvals.list(Actor.person("dana"), TestClub.MAIN, true).get(0);
    calls.clear();

    approvals.approve(Actor.person("dana"), pending.id());

    Approval done = approvals.find(Actor.person("dana"), pending.id());
    WorkflowRun execution = club.stores().runs().find(done.executionRun()).orElseThrow();
    assertThat(execution.mode()).isEqualTo("approval");
    assertThat(execution.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(execution.reportJson()).isNotNull();
    List<RunEvent> events = club.stores().runs().events(execution.runId());
    assertThat(events).hasSize(pending.actions().size());
    assertThat(writtenOf(execution.runId())).doesNotHaveDuplicates().hasSize(events.size());
    assertThat(calls).doesNotContainAnyElementsOf(CLUB_WIDE).contains("MemberStore.findAll");
  }

  @Test
  void a_manual_lock_is_a_run_recorded_as_manual_whose_event_is_written_once() {
    club.seed(aMember().withId("M1").build(), aMember().withId("M2").build());
    ManualActions manual =
        new ManualActions(
            club.config(),
            stores.members(),
            stores.notes(),
            runner,
            new Audit(stores.audit(), club.clock()),
            club.clock());
    calls.clear();

    ManualActions.DoorResult result =
        manual.lock(Actor.person("dana"), new MemberId("M1"), "damaged the sauna");

    WorkflowRun run = club.stores().runs().find(result.runId()).orElseThrow();
    assertThat(run.mode()).isEqualTo("manual");
    assertThat(run.modeUsed()).isEqualTo("manual");
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(club.stores().runs().events(run.runId()))
        .extracting(RunEvent::action, RunEvent::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("manual_lock", "done"));
    assertThat(writtenOf(run.runId())).containsExactly(run.runId() + "#1");
    assertThat(club.stores().members().find(new MemberId("M1")).orElseThrow().door().isLocked())
        .isTrue();
    assertThat(calls).doesNotContainAnyElementsOf(CLUB_WIDE);
  }

  @Test
  void a_payment_reads_its_member_once_and_its_door_run_is_recorded_like_any_other() {
    Member paying =
        aMember()
            .withId("P1")
            .withBalance("30.00", TODAY.minusDays(20))
            .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
            .build();
    Member other =
        aMember()
            .withId("P2")
            .withBalance("90.00", TODAY.minusDays(40))
            .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
            .build();
    club.seed(paying, other);
    // The other member's referral and hold: a run for P1 has no business reading them.
    club.stores()
        .referrals()
        .add(
            new Referral(
                other.id(), TestClub.MAIN, TODAY, Money.parse("90.00"), 4, null, "run-old"),
            "referral:P2");
    club.stores()
        .holds()
        .put(
            new CollectionHold(
                other.id(), TestClub.MAIN, TODAY.plusDays(9), "plan", "dana", TEN, null, null));
    club.clock().set(TEN);
    PaymentService payments =
        new PaymentService(stores.members(), stores.payments(), runner, club.clock());
    calls.clear();

    PaymentResult result =
        payments.receive(new Payment("pay-1", paying.id(), Money.parse("30.00"), TEN));

    assertThat(result.door()).isEqualTo(DoorAccess.OPEN.code());
    assertThat(club.stores().members().find(paying.id()).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    assertThat(calls.stream().filter(call -> call.startsWith("MemberStore."))).hasSize(1);
    assertThat(calls).doesNotContainAnyElementsOf(CLUB_WIDE);
    WorkflowRun run = club.stores().runs().find(result.doorRun()).orElseThrow();
    assertThat(run.workflow()).isEqualTo(WorkflowId.DOOR_ACCESS);
    assertThat(run.mode()).isEqualTo("rules");
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.finishedAt()).isNotNull();
    assertThat(run.reportJson()).isNotNull();
    List<RunEvent> events = club.stores().runs().events(run.runId());
    assertThat(events).extracting(RunEvent::action).contains("unlock_door");
    assertThat(events).extracting(e -> e.memberId().value()).containsOnly("P1");
    assertThat(writtenOf(run.runId())).doesNotHaveDuplicates().hasSize(events.size());
  }

  private List<String> writtenOf(String runId) {
    synchronized (writtenEvents) {
      return writtenEvents.stream().filter(key -> key.startsWith(runId + "#")).toList();
    }
  }

  /** The club's stores, with the ports a run reads and writes recorded. */
  private Stores recorded(Stores real) {
    return new Stores(
        recorded(MemberStore.class, real.members()),
        recorded(AttemptStore.class, real.attempts()),
        real.notes(),
        recorded(Outbox.class, real.outbox()),
        real.doors(),
        recorded(ReferralStore.class, real.referrals()),
        recorded(EscalationStore.class, real.escalations()),
        recorded(RunStore.class, real.runs()),
        real.locks(),
        real.transactor(),
        real.transcripts(),
        real.payments(),
        real.syncState(),
        real.inbound(),
        real.senderPauses(),
        recorded(HoldStore.class, real.holds()),
        recorded(PayLinks.class, real.payLinks()),
        real.audit(),
        real.paused(),
        real.tokens(),
        real.approvals(),
        real.clubLinks());
  }

  @SuppressWarnings("unchecked")
  private <T> T recorded(Class<T> port, T real) {
    return (T)
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() != Object.class) {
                calls.add(port.getSimpleName() + "." + method.getName());
              }
              if (port == RunStore.class && method.getName().equals("addEvents")) {
                for (RunEvent event : (List<RunEvent>) args[1]) {
                  writtenEvents.add(args[0] + "#" + event.seq());
                }
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
