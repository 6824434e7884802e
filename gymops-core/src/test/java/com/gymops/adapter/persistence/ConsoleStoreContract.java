package com.gymops.adapter.persistence;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.ConsoleReads.OutboxView;
import com.gymops.application.port.store.ConsoleReads.RunFilter;
import com.gymops.application.port.store.ConsoleSessionStore;
import com.gymops.application.port.store.ConsoleUserStore;
import com.gymops.application.port.store.LoginThrottleStore;
import com.gymops.application.port.store.Stores;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.ConsoleSession;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.ThrottleCounter;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console's stores (V11) and read queries must do on every database; subclasses run it on
 * SQLite and PostgreSQL.
 */
abstract class ConsoleStoreContract {
  private static final Instant NOW = Instant.parse("2026-11-25T15:30:00Z");
  private static final ClubId MAIN = new ClubId("main");
  private static final ClubId EAST = new ClubId("east");

  protected abstract Database open();

  private Database database;
  private ConsoleUserStore users;
  private ConsoleSessionStore sessions;
  private LoginThrottleStore throttle;
  private ConsoleReads reads;
  private Stores stores;

  @BeforeEach
  void createStores() {
    database = open();
    users = new JdbiConsoleUserStore(database.jdbi());
    sessions = new JdbiConsoleSessionStore(database.jdbi());
    throttle = new JdbiLoginThrottleStore(database.jdbi());
    reads = new JdbiConsoleReads(database.jdbi());
    stores = Persistence.stores(database);
  }

  @Test
  void a_user_is_stored_once_per_email_with_their_clubs() {
    ConsoleUser ana =
        new ConsoleUser(
            "ana@example.com", ConsoleRole.MANAGER, false, Set.of(MAIN, EAST), "$h", false, NOW);

    assertThat(users.add(ana)).isTrue();
    assertThat(users.add(ana)).isFalse();
    assertThat(users.find("ana@example.com")).contains(ana);
    assertThat(users.find("bob@example.com")).isEmpty();
  }

  @Test
  void a_disabled_user_stays_disabled_and_users_are_listed_by_email() {
    users.add(
        new ConsoleUser("zoe@example.com", ConsoleRole.STAFF, true, Set.of(), "$h", false, NOW));
    users.add(
        new ConsoleUser("al@example.com", ConsoleRole.OWNER, true, Set.of(), "$h", false, NOW));

    assertThat(users.setDisabled("zoe@example.com", true)).isTrue();
    assertThat(users.setDisabled("nobody@example.com", true)).isFalse();

    assertThat(users.all())
        .extracting(ConsoleUser::email)
        .containsExactly("al@example.com", "zoe@example.com");
    assertThat(users.find("zoe@example.com").orElseThrow().disabled()).isTrue();
    assertThat(users.find("zoe@example.com").orElseThrow().allClubs()).isTrue();
  }

  @Test
  void a_session_is_found_by_its_hash_touched_and_revoked() {
    users.add(
        new ConsoleUser("ana@example.com", ConsoleRole.OWNER, true, Set.of(), "$h", false, NOW));
    sessions.open(
        new ConsoleSession("hash-1", "ana@example.com", "csrf-1", "10.0.0.1", NOW, NOW, null));
    sessions.open(
        new ConsoleSession("hash-2", "ana@example.com", "csrf-2", "10.0.0.2", NOW, NOW, null));

    sessions.touch("hash-1", NOW.plusSeconds(90));
    assertThat(sessions.find("hash-1").orElseThrow().lastSeenAt()).isEqualTo(NOW.plusSeconds(90));
    assertThat(sessions.find("hash-1").orElseThrow().csrfToken()).isEqualTo("csrf-1");

    sessions.revoke("hash-1", NOW.plusSeconds(100));
    assertThat(sessions.find("hash-1").orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(100));
    assertThat(sessions.revokeAllOf("ana@example.com", NOW.plusSeconds(200))).isEqualTo(1);
    assertThat(sessions.find("hash-2").orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(200));
    assertThat(sessions.find("hash-3")).isEmpty();
  }

  @Test
  void a_throttle_counter_is_updated_and_cleared() {
    ThrottleCounter first =
        throttle.update("account:ana@example.com", c -> new ThrottleCounter(1, NOW, null));
    assertThat(first).isEqualTo(new ThrottleCounter(1, NOW, null));
    assertThat(throttle.find("account:ana@example.com")).contains(first);

    ThrottleCounter locked = new ThrottleCounter(5, NOW, NOW.plus(Duration.ofMinutes(15)));
    throttle.update(
        "account:ana@example.com",
        c -> c.orElseThrow().failures() == 1 ? locked : new ThrottleCounter(0, NOW, null));
    assertThat(throttle.find("account:ana@example.com")).contains(locked);

    throttle.clear("account:ana@example.com");
    assertThat(throttle.find("account:ana@example.com")).isEmpty();
  }

  @Test
  void throttle_updates_made_at_the_same_moment_are_none_of_them_lost() throws Exception {
    int callers = 30;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ThrottleCounter>> results = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return throttle.update(
                      "account:ana@example.com",
                      c ->
                          new ThrottleCounter(
                              c.map(ThrottleCounter::failures).orElse(0) + 1, NOW, null));
                }));
      }
      start.countDown();
      Set<Integer> seen = new TreeSet<>();
      for (Future<ThrottleCounter> result : results) {
        seen.add(result.get(60, TimeUnit.SECONDS).failures());
      }

      assertThat(seen).hasSize(callers);
      assertThat(throttle.find("account:ana@example.com").orElseThrow().failures())
          .isEqualTo(callers);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void runs_are_filtered_by_club_workflow_status_and_member_newest_first() {
    run("r1", WorkflowId.DOOR_ACCESS, MAIN, RunStatus.SUCCEEDED, false, NOW, "M1");
    run("r2", WorkflowId.DOOR_ACCESS, MAIN, RunStatus.FAILED, false, NOW.plusSeconds(60), "M2");
    run(
        "r3",
        WorkflowId.PAST_DUE_MONITORING,
        MAIN,
        RunStatus.SUCCEEDED,
        true,
        NOW.plusSeconds(120),
        "M1");
    run("r4", WorkflowId.DOOR_ACCESS, EAST, RunStatus.SUCCEEDED, false, NOW.plusSeconds(180), "M1");

    assertThat(reads.runs(new RunFilter(Set.of(MAIN), null, null, null, 10)))
        .extracting(WorkflowRun::runId)
        .containsExactly("r3", "r2", "r1");
    assertThat(
            reads.runs(
                new RunFilter(
                    Set.of(MAIN, EAST), WorkflowId.DOOR_ACCESS, RunStatus.SUCCEEDED, null, 10)))
        .extracting(WorkflowRun::runId)
        .containsExactly("r4", "r1");
    assertThat(reads.runs(new RunFilter(Set.of(MAIN), null, null, new MemberId("M1"), 10)))
        .extracting(WorkflowRun::runId)
        .containsExactly("r3", "r1");
    assertThat(reads.runs(new RunFilter(Set.of(), null, null, null, 10))).isEmpty();

    Map<WorkflowId, WorkflowRun> last = reads.lastRuns(MAIN);
    assertThat(last.get(WorkflowId.DOOR_ACCESS).runId()).isEqualTo("r2");
    assertThat(last.get(WorkflowId.DOOR_ACCESS).reportJson())
        .as("the card reads a report only once per run")
        .isNull();
    assertThat(last).as("dry runs are not last runs").containsOnlyKeys(WorkflowId.DOOR_ACCESS);
    assertThat(reads.runStatusesSince(MAIN, NOW).get(WorkflowId.DOOR_ACCESS))
        .containsEntry(RunStatus.SUCCEEDED, 1L)
        .containsEntry(RunStatus.FAILED, 1L);
    assertThat(reads.runStatusesSince(MAIN, NOW.plusSeconds(30)))
        .containsOnlyKeys(WorkflowId.DOOR_ACCESS);
    assertThat(reads.runStatusesSince(MAIN, NOW.plusSeconds(30)).get(WorkflowId.DOOR_ACCESS))
        .containsOnlyKeys(RunStatus.FAILED);
  }

  @Test
  void a_finished_runs_report_is_read_by_its_id() {
    run("r1", WorkflowId.DOOR_ACCESS, MAIN, RunStatus.SUCCEEDED, false, NOW, "M1");

    assertThat(reads.report("r1")).contains("{}");
    assertThat(reads.report("r-unknown")).isEmpty();
  }

  @Test
  void money_collected_counts_the_clubs_payments_received_since_the_instant() {
    stores
        .members()
        .upsertAll(
            List.of(
                aMember().withId("M1").withBalance("90.00", LocalDate.parse("2026-11-01")).build(),
                aMember().withId("M2").withBalance("90.00", LocalDate.parse("2026-11-01")).build(),
                aMember()
                    .withId("M3")
                    .inClub("east")
                    .withBalance("90.00", LocalDate.parse("2026-11-01"))
                    .build()),
            NOW);
    stores.payments().apply(payment("p1", "M1", "10.00"), NOW.minusSeconds(60));
    stores.payments().apply(payment("p2", "M2", "15.50"), NOW.plusSeconds(60));
    stores.payments().apply(payment("p3", "M3", "20.00"), NOW.plusSeconds(60));

    assertThat(reads.paymentsReceivedSince(MAIN, NOW)).isEqualTo(Money.parse("15.50"));
    assertThat(reads.paymentsReceivedSince(MAIN, NOW.minusSeconds(3600)))
        .isEqualTo(Money.parse("25.50"));
    assertThat(reads.paymentsReceivedSince(EAST, NOW.plusSeconds(120))).isEqualTo(Money.ZERO);
  }

  @Test
  void pending_approvals_are_counted_until_they_expire_or_are_decided() {
    stores.members().upsertAll(List.of(aMember().withId("M1").build()), NOW);
    stores.approvals().file(approval("apr-1", NOW.plusSeconds(3600)), "k1");
    stores.approvals().file(approval("apr-2", NOW.plusSeconds(60)), "k2");
    stores.approvals().file(approval("apr-3", NOW.plusSeconds(3600)), "k3");
    stores.approvals().decide("apr-3", Approval.Status.DENIED, "dana", NOW, "no");

    assertThat(reads.pendingApprovals(MAIN, NOW)).isEqualTo(2);
    assertThat(reads.pendingApprovals(MAIN, NOW.plusSeconds(60)))
        .as("its time is up, though the expiry pass has not run")
        .isEqualTo(1);
    assertThat(reads.pendingApprovals(EAST, NOW)).isZero();
  }

  private static Payment payment(String id, String member, String amount) {
    return new Payment(id, new MemberId(member), Money.parse(amount), NOW);
  }

  private static Approval approval(String id, Instant expiresAt) {
    return new Approval(
        id,
        MAIN,
        Approval.Kind.LOCKS_OVER_LIMIT,
        WorkflowId.DOOR_ACCESS,
        "lock 1",
        "door.lock",
        "run-1",
        NOW,
        expiresAt,
        Approval.Status.PENDING,
        null,
        null,
        null,
        null,
        null,
        List.of(
            new ApprovalAction(
                1,
                new MemberId("M1"),
                "lock_door",
                "payment",
                "door.lock",
                "{}",
                "{\"type\":\"LockDoor\"}",
                null,
                null)));
  }

  @Test
  void members_are_found_by_id_name_or_phone_digits_in_the_given_clubs_only() {
    stores
        .members()
        .upsertAll(
            List.of(
                aMember().withId("M1").named("Ana", "Lopez").withPhone("+14155550101").build(),
                aMember().withId("M2").named("Bo", "Lopez").withPhone("+14155550102").build(),
                aMember()
                    .withId("M3")
                    .inClub("east")
                    .named("Ana", "Lopez")
                    .withPhone("+14155550103")
                    .build()),
            NOW);

    assertThat(reads.searchMembers(Set.of(MAIN), "ana lop", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M1");
    assertThat(reads.searchMembers(Set.of(MAIN), "LOPEZ", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M1", "M2");
    assertThat(reads.searchMembers(Set.of(MAIN), "(415) 555-0102", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M2");
    assertThat(reads.searchMembers(Set.of(MAIN), "M2", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M2");
    assertThat(reads.searchMembers(Set.of(MAIN, EAST), "ana", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M1", "M3");
    assertThat(reads.searchMembers(Set.of(MAIN), "%", 10)).as("wildcards are text").isEmpty();
  }

  @Test
  void the_outbox_views_sort_due_deferred_failed_unknown_and_sent_messages() {
    stores.members().upsertAll(List.of(aMember().withId("M1").build()), NOW);
    long due = enqueue("due", NOW.minusSeconds(60));
    long deferred = enqueue("deferred", NOW.plusSeconds(3600));
    long failed = enqueue("failed", NOW.minusSeconds(60));
    long unknown = enqueue("unknown", NOW.minusSeconds(60));
    long sent = enqueue("sent", NOW.minusSeconds(60));
    long logged = enqueue("logged", NOW.minusSeconds(60));
    stores.outbox().markFailed(failed, NOW, "21211: invalid number");
    stores.outbox().claim(unknown, NOW.minusSeconds(3600));
    stores.outbox().failStuckSending(NOW, NOW, "outcome unknown: GymOps stopped while sending");
    stores.outbox().claim(sent, NOW);
    stores.outbox().markSent(sent, NOW);
    stores.outbox().claim(logged, NOW);
    stores.outbox().markLogged(logged, NOW, "log-" + logged);

    assertThat(ids(OutboxView.DUE)).containsExactly(due);
    assertThat(ids(OutboxView.DEFERRED)).containsExactly(deferred);
    assertThat(ids(OutboxView.FAILED)).containsExactly(failed);
    assertThat(ids(OutboxView.UNKNOWN)).containsExactly(unknown);
    assertThat(ids(OutboxView.SENT)).as("a logged message is not sent").containsExactly(sent);
    assertThat(ids(OutboxView.LOGGED)).containsExactly(logged);
    assertThat(reads.messageCounts(Set.of(MAIN), NOW))
        .containsEntry(OutboxView.SENT, 1L)
        .containsEntry(OutboxView.LOGGED, 1L);
    assertThat(reads.failedMessagesSince(MAIN, NOW.minusSeconds(10))).isEqualTo(2);
    assertThat(reads.messages(Set.of(EAST), OutboxView.DUE, NOW, 10)).isEmpty();
  }

  @Test
  void the_outbox_counts_each_view_and_reads_it_a_page_at_a_time() {
    stores.members().upsertAll(List.of(aMember().withId("M1").build()), NOW);
    long first = enqueue("due-1", NOW.minusSeconds(180));
    long second = enqueue("due-2", NOW.minusSeconds(120));
    long third = enqueue("due-3", NOW.minusSeconds(60));
    enqueue("deferred", NOW.plusSeconds(3600));
    long sent = enqueue("sent", NOW.minusSeconds(60));
    stores.outbox().claim(sent, NOW);
    stores.outbox().markSent(sent, NOW);

    assertThat(reads.messageCounts(Set.of(MAIN), NOW))
        .containsEntry(OutboxView.DUE, 3L)
        .containsEntry(OutboxView.DEFERRED, 1L)
        .containsEntry(OutboxView.FAILED, 0L)
        .containsEntry(OutboxView.UNKNOWN, 0L)
        .containsEntry(OutboxView.SENT, 1L);
    assertThat(reads.messageCounts(Set.of(EAST), NOW).values()).containsOnly(0L);
    assertThat(reads.messages(Set.of(MAIN), OutboxView.DUE, NOW, 1, 2))
        .extracting(OutboundMessage::id)
        .containsExactly(second, third);
    assertThat(reads.messages(Set.of(MAIN), OutboxView.DUE, NOW, 0, 1))
        .extracting(OutboundMessage::id)
        .containsExactly(first);
  }

  @Test
  void members_are_found_by_the_start_of_their_first_or_last_name() {
    stores
        .members()
        .upsertAll(
            List.of(
                aMember().withId("M1").named("Ana", "Lopez").build(),
                aMember().withId("M2").named("Bo", "Lopez-Diaz").build(),
                aMember().withId("M3").named("Lopa", "Smith").build()),
            NOW);

    assertThat(reads.searchMembers(Set.of(MAIN), "lop", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M1", "M2", "M3");
    assertThat(reads.searchMembers(Set.of(MAIN), "Lopez-", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M2");
    assertThat(reads.searchMembers(Set.of(MAIN), "pez", 10)).as("not the middle").isEmpty();
    assertThat(reads.searchMembers(Set.of(MAIN), "bo lopez-d", 10))
        .extracting(m -> m.id().value())
        .containsExactly("M2");
    assertThat(reads.searchMembers(Set.of(MAIN), "lop", 2)).hasSize(2);
  }

  @Test
  void only_a_queued_text_is_cancelled_and_only_a_failed_one_with_a_known_outcome_requeued() {
    stores.members().upsertAll(List.of(aMember().withId("M1").build()), NOW);
    long queued = enqueue("queued", NOW.minusSeconds(60));
    long claimed = enqueue("claimed", NOW.minusSeconds(60));
    long failed = enqueue("failed", NOW.minusSeconds(60));
    long unknown = enqueue("unknown", NOW.minusSeconds(60));
    stores.outbox().claim(claimed, NOW);
    stores.outbox().claim(failed, NOW);
    stores.outbox().markFailed(failed, NOW, "30003: unreachable");
    stores.outbox().claim(unknown, NOW.minusSeconds(3600));
    stores.outbox().failStuckSending(NOW.minusSeconds(60), NOW, "outcome unknown: stopped");

    assertThat(stores.outbox().cancelQueued(queued, NOW, "cancelled by dana")).isTrue();
    assertThat(stores.outbox().cancelQueued(queued, NOW, "again")).isFalse();
    assertThat(stores.outbox().cancelQueued(claimed, NOW, "too late")).isFalse();
    assertThat(stores.outbox().find(queued).orElseThrow().status())
        .isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(stores.outbox().find(claimed).orElseThrow().status())
        .isEqualTo(MessageStatus.SENDING);

    assertThat(stores.outbox().requeueFailed(unknown, NOW)).isFalse();
    assertThat(stores.outbox().requeueFailed(claimed, NOW)).isFalse();
    assertThat(stores.outbox().requeueFailed(failed, NOW.plusSeconds(5))).isTrue();
    OutboundMessage requeued = stores.outbox().find(failed).orElseThrow();
    assertThat(requeued.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(requeued.notBefore()).isEqualTo(NOW.plusSeconds(5));
    assertThat(requeued.error()).isNull();
    assertThat(ids(OutboxView.UNKNOWN)).containsExactly(unknown);
  }

  private List<Long> ids(OutboxView view) {
    return reads.messages(Set.of(MAIN), view, NOW, 10).stream().map(OutboundMessage::id).toList();
  }

  private long enqueue(String key, Instant notBefore) {
    return stores
        .outbox()
        .enqueue(
            new OutboundMessage(
                0,
                key,
                MAIN,
                new MemberId("M1"),
                Channel.SMS,
                "+14155550101",
                MessagePurpose.REMINDER,
                "friendly",
                null,
                "Hello",
                1,
                MessageStatus.QUEUED,
                NOW,
                notBefore,
                null,
                null,
                null,
                null))
        .orElseThrow();
  }

  private void run(
      String id,
      WorkflowId workflow,
      ClubId club,
      RunStatus status,
      boolean dryRun,
      Instant at,
      String member) {
    stores
        .runs()
        .start(
            new WorkflowRun(
                id,
                workflow,
                club,
                "rules",
                null,
                dryRun,
                RunStatus.RUNNING,
                at,
                at,
                null,
                null,
                null));
    stores
        .runs()
        .addEvents(
            id, List.of(new RunEvent(1, new MemberId(member), "note", null, "rule", "{}", "done")));
    stores.runs().finish(id, status, "rules", at.plusSeconds(1), "{}", null);
  }
}
