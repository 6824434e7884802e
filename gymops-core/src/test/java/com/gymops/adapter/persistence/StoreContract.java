package com.gymops.adapter.persistence;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.port.store.ApprovalStore;
import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.NoteStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.PausedWorkflows;
import com.gymops.application.port.store.PaymentStore;
import com.gymops.application.port.store.RunStore;
import com.gymops.application.port.store.StoreException;
import com.gymops.application.port.store.Stores;
import com.gymops.application.port.store.SyncStateStore;
import com.gymops.application.port.store.Transactor;
import com.gymops.application.port.store.WorkflowLocks;
import com.gymops.domain.Attachment;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.domain.Note;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.Referral;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database must give the stores. Subclasses supply a fresh, migrated database
 * per test; the same tests then run on SQLite and on PostgreSQL.
 */
abstract class StoreContract {
  protected static final Instant NOW = Instant.parse("2026-11-25T15:30:00Z");
  protected static final ClubId MAIN = new ClubId("main");

  /** A fresh, migrated, empty database for one test; the subclass closes it afterwards. */
  protected abstract Database open();

  protected Database database;
  protected MemberStore members;
  private AttemptStore attempts;
  private Transactor transactor;
  protected Stores stores;

  @BeforeEach
  void createStores() {
    database = open();
    members = new JdbiMemberStore(database.jdbi());
    attempts = new JdbiAttemptStore(database.jdbi());
    transactor = new JdbiTransactor(database.jdbi());
    stores = Persistence.stores(database);
  }

  @Test
  void stores_and_finds_a_member_with_every_field_intact() {
    Member member =
        aMember()
            .withId("M1")
            .named("Zoë", "O'Brien")
            .withStatus(MemberStatus.PPV)
            .withBalance("120.55", LocalDate.of(2026, 10, 1))
            .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
            .withConsent(false)
            .optedOut()
            .build();

    members.upsertAll(List.of(member), NOW);

    assertThat(members.find(new MemberId("M1"))).contains(member);
  }

  @Test
  void keeps_the_club_systems_id_standing_and_last_check_in_beside_the_member_across_merges() {
    MemberId m1 = new MemberId("M1");
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    assertThat(stores.clubLinks().find(m1)).isEmpty();

    stores
        .clubLinks()
        .putAll(
            List.of(
                new ClubSystemLinks.Link(m1, "88123", "staff", LocalDate.of(2026, 11, 20)),
                new ClubSystemLinks.Link(new MemberId("unknown"), "1", null, null)),
            NOW);
    members.mergeFromClubSystem(List.of(aMember().withId("M1").named("Ann", "Lee").build()), NOW);

    assertThat(stores.clubLinks().find(m1))
        .contains(new ClubSystemLinks.Link(m1, "88123", "staff", LocalDate.of(2026, 11, 20)));
    assertThat(members.find(m1).orElseThrow().firstName()).isEqualTo("Ann");
    assertThat(stores.clubLinks().find(new MemberId("unknown"))).isEmpty();
  }

  @Test
  void a_pulled_member_and_its_club_system_link_are_written_together_or_not_at_all() {
    MemberId m1 = new MemberId("M1");
    members.mergeFromClubSystem(
        List.of(aMember().withId("M1").build()),
        List.of(new ClubSystemLinks.Link(m1, "88123", "staff", LocalDate.of(2026, 11, 20))),
        NOW);
    assertThat(stores.clubLinks().find(m1)).map(ClubSystemLinks.Link::externalId).contains("88123");
    assertThat(stores.clubLinks().staffIn(aMember().build().clubId())).containsExactly(m1);

    // A link that cannot be written takes its member's row with it.
    assertThatThrownBy(
        () ->
            members.mergeFromClubSystem(
                List.of(aMember().withId("M2").build()),
                List.of(new ClubSystemLinks.Link(null, "88124", null, null)),
                NOW));
    assertThat(members.find(new MemberId("M2"))).isEmpty();
  }

  @Test
  void keeps_a_member_without_phone_email_or_join_date() {
    Member member = aMember().withId("M2").withPhone(null).withEmail(null).joinedOn(null).build();

    members.upsertAll(List.of(member), NOW);

    assertThat(members.find(new MemberId("M2"))).contains(member);
  }

  @Test
  void upsert_replaces_an_existing_member_and_adds_new_ones() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Member changed = aMember().withId("M1").withBalance("10.00", LocalDate.of(2026, 11, 1)).build();
    Member added = aMember().withId("M9").build();

    members.upsertAll(List.of(changed, added), NOW);

    assertThat(members.count()).isEqualTo(2);
    assertThat(members.find(new MemberId("M1"))).contains(changed);
  }

  @Test
  void upserts_more_members_than_one_batch_holds() {
    List<Member> many = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      many.add(aMember().withId(String.format("B%05d", i)).build());
    }

    members.upsertAll(many, NOW);
    members.upsertAll(many, NOW);

    assertThat(members.count()).isEqualTo(2_500);
  }

  @Test
  void tells_which_members_exist() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);

    assertThat(members.existing(List.of(new MemberId("M1"), new MemberId("nope"))))
        .isEqualTo(Set.of(new MemberId("M1")));
  }

  @Test
  void lists_past_due_members_of_one_club_from_the_minimum_up() {
    LocalDate since = LocalDate.of(2026, 11, 1);
    members.upsertAll(
        List.of(
            aMember().withId("A").withBalance("49.99", since).build(),
            aMember().withId("B").withBalance("50.00", since).build(),
            aMember().withId("C").build(),
            aMember().withId("D").inClub("other").withBalance("80.00", since).build()),
        NOW);

    assertThat(members.pastDue(MAIN, Money.parse("50.00")))
        .extracting(member -> member.id().value())
        .containsExactly("B");
    assertThat(members.pastDue(MAIN, Money.ZERO))
        .extracting(member -> member.id().value())
        .containsExactly("A", "B");
  }

  @Test
  void changes_door_and_opt_out_of_one_member() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);

    assertThat(members.setDoor(new MemberId("M1"), DoorAccess.LOCKED_FOR_PAYMENT, NOW)).isTrue();
    assertThat(members.setSmsOptedOut(new MemberId("M1"), true, NOW)).isTrue();
    assertThat(members.setDoor(new MemberId("ghost"), DoorAccess.OPEN, NOW)).isFalse();

    Member stored = members.find(new MemberId("M1")).orElseThrow();
    assertThat(stored.door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(stored.smsOptedOut()).isTrue();
  }

  @Test
  void rejects_a_negative_balance_at_the_database_too() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);

    assertThatThrownBy(
            () ->
                database
                    .jdbi()
                    .useHandle(
                        handle ->
                            handle.execute(
                                "UPDATE member SET past_due_cents = -1 WHERE member_id = 'M1'")))
        .isInstanceOf(UnableToExecuteStatementException.class);
  }

  @Test
  void adds_an_attempt_once_per_key() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    KeyedAttempt attempt = attempt("M1", "2026-11-20T14:00:00Z", "k1");

    assertThat(attempts.addAll(List.of(attempt, attempt("M1", "2026-11-21T14:00:00Z", "k2"))))
        .isEqualTo(2);
    assertThat(attempts.addAll(List.of(attempt))).isZero();

    assertThat(attempts.count()).isEqualTo(2);
  }

  @Test
  void keeps_attempt_instants_exactly_whatever_the_jvm_zone() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Instant at = Instant.parse("2026-03-08T07:30:00.123456Z");

    attempts.addAll(List.of(attempt("M1", at.toString(), "k1")));

    assertThat(attempts.ofMember(new MemberId("M1")))
        .extracting(CollectionAttempt::attemptedAt)
        .containsExactly(at);
  }

  @Test
  void lists_attempts_of_a_club_since_an_instant_grouped_by_member() {
    members.upsertAll(
        List.of(
            aMember().withId("M1").build(),
            aMember().withId("M2").build(),
            aMember().withId("X1").inClub("other").build()),
        NOW);
    attempts.addAll(
        List.of(
            attempt("M1", "2026-10-01T14:00:00Z", "old"),
            attempt("M1", "2026-11-20T14:00:00Z", "a"),
            attempt("M1", "2026-11-10T14:00:00Z", "b"),
            attempt("M2", "2026-11-12T14:00:00Z", "c"),
            attempt("X1", "2026-11-12T14:00:00Z", "d")));

    var byMember = attempts.inClubSince(MAIN, Instant.parse("2026-11-01T00:00:00Z"));

    assertThat(byMember).containsOnlyKeys(new MemberId("M1"), new MemberId("M2"));
    assertThat(byMember.get(new MemberId("M1")))
        .extracting(CollectionAttempt::attemptedAt)
        .containsExactly(
            Instant.parse("2026-11-10T14:00:00Z"), Instant.parse("2026-11-20T14:00:00Z"));
  }

  @Test
  void lists_the_attempts_of_the_past_due_members_only() {
    members.upsertAll(
        List.of(
            aMember().withId("M1").withBalance("0.01", LocalDate.of(2026, 11, 1)).build(),
            aMember().withId("M2").build(),
            aMember()
                .withId("X1")
                .inClub("other")
                .withBalance("80.00", LocalDate.of(2026, 11, 1))
                .build()),
        NOW);
    attempts.addAll(
        List.of(
            attempt("M1", "2026-10-01T14:00:00Z", "old"),
            attempt("M1", "2026-11-20T14:00:00Z", "a"),
            attempt("M2", "2026-11-12T14:00:00Z", "paid-up"),
            attempt("X1", "2026-11-12T14:00:00Z", "other-club")));

    var byMember =
        attempts.ofPastDueInClubSince(
            MAIN, Money.ofCents(1), Instant.parse("2026-11-01T00:00:00Z"));

    assertThat(byMember).containsOnlyKeys(new MemberId("M1"));
    assertThat(byMember.get(new MemberId("M1")))
        .extracting(CollectionAttempt::attemptedAt)
        .containsExactly(Instant.parse("2026-11-20T14:00:00Z"));
  }

  @Test
  void lists_a_clubs_recent_notes_but_one_authors_in_one_query() {
    members.upsertAll(
        List.of(
            aMember().withId("M1").build(),
            aMember().withId("M2").build(),
            aMember().withId("X1").inClub("other").build()),
        NOW);
    Note staff = note("M2", NOW.minusSeconds(60), "payment plan agreed", "Dana");
    Note earlier = note("M1", NOW.minusSeconds(120), "disputes the charge", "Sam");
    stores.notes().add(staff, "n1", null);
    stores.notes().add(earlier, "n2", null);
    stores.notes().add(note("M1", NOW.minusSeconds(30), "reminder sent", "GymOps"), "n3", "run-1");
    stores.notes().add(note("M1", NOW.minus(Duration.ofDays(40)), "old", "Sam"), "n4", null);
    stores.notes().add(note("X1", NOW.minusSeconds(60), "other club", "Sam"), "n5", null);

    assertThat(stores.notes().inClubAfter(MAIN, NOW.minus(Duration.ofDays(30)), "GymOps"))
        .containsExactly(earlier, staff);
  }

  private static Note note(String member, Instant at, String text, String author) {
    return new Note(
        new MemberId(member), at, NotePriority.NORMAL, NoteCategory.BILLING, text, author);
  }

  @Test
  void a_failed_transaction_leaves_nothing_behind() {
    assertThatThrownBy(
            () ->
                transactor.inTransaction(
                    () -> {
                      members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
                      attempts.addAll(List.of(attempt("M1", "2026-11-20T14:00:00Z", "k1")));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(members.count()).isZero();
    assertThat(attempts.count()).isZero();
  }

  @Test
  void migrating_an_up_to_date_database_again_changes_nothing() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);

    Database again = reopen();

    assertThat(new JdbiMemberStore(again.jdbi()).count()).isEqualTo(1);
  }

  @Test
  void queues_a_message_once_per_key_and_hands_it_out_when_due() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    OutboundMessage message = message("k1", "M1", NOW.plusSeconds(3600));

    Optional<Long> id = outbox.enqueue(message);
    Optional<Long> again = outbox.enqueue(message);

    assertThat(id).isPresent();
    assertThat(again).isEmpty();
    assertThat(outbox.due(NOW, 10)).isEmpty();
    assertThat(outbox.due(NOW.plusSeconds(3600), 10))
        .extracting(OutboundMessage::idempotencyKey)
        .containsExactly("k1");
  }

  @Test
  void a_message_is_claimed_by_one_dispatcher_only_and_then_marked() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    long id = outbox.enqueue(message("k1", "M1", NOW)).orElseThrow();

    assertThat(outbox.claim(id, NOW)).isTrue();
    assertThat(outbox.claim(id, NOW)).isFalse();
    assertThat(outbox.due(NOW, 10)).isEmpty();
    outbox.markSent(id, NOW);

    OutboundMessage sent = outbox.find(id).orElseThrow();
    assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
    assertThat(sent.sentAt()).isEqualTo(NOW);
    assertThat(outbox.countByStatus()).containsEntry(MessageStatus.SENT, 1L);
  }

  @Test
  void failed_suppressed_and_deferred_messages_keep_their_reason_and_time() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    long failed = outbox.enqueue(message("f", "M1", NOW)).orElseThrow();
    long suppressed = outbox.enqueue(message("s", "M1", NOW)).orElseThrow();
    long deferred = outbox.enqueue(message("d", "M1", NOW)).orElseThrow();

    outbox.markFailed(failed, NOW, "21211: invalid number");
    outbox.markSuppressed(suppressed, NOW, "opted out");
    outbox.defer(deferred, NOW.plusSeconds(60));

    assertThat(outbox.find(failed).orElseThrow().error()).isEqualTo("21211: invalid number");
    assertThat(outbox.find(suppressed).orElseThrow().status()).isEqualTo(MessageStatus.SUPPRESSED);
    assertThat(outbox.due(NOW, 10)).isEmpty();
    assertThat(outbox.due(NOW.plusSeconds(60), 10))
        .extracting(OutboundMessage::id)
        .containsExactly(deferred);
  }

  @Test
  void marketing_history_gives_the_latest_send_per_member_and_template() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    outbox.enqueue(marketing("a", "M1", "monthly_special", NOW.minusSeconds(86_400 * 40)));
    outbox.enqueue(marketing("b", "M1", "monthly_special", NOW.minusSeconds(86_400)));
    outbox.enqueue(marketing("c", "M1", "prospect_welcome", NOW.minusSeconds(86_400 * 60)));

    assertThat(outbox.marketingHistory(MAIN).get(new MemberId("M1")))
        .containsEntry("monthly_special", NOW.minusSeconds(86_400))
        .containsEntry("prospect_welcome", NOW.minusSeconds(86_400 * 60));
  }

  @Test
  void the_latest_text_of_a_template_per_member_leaves_suppressed_ones_out() {
    members.upsertAll(List.of(aMember().withId("M1").build(), aMember().withId("M2").build()), NOW);
    Outbox outbox = stores.outbox();
    outbox.enqueue(marketing("a", "M1", "access_locked", NOW.minusSeconds(86_400 * 40)));
    outbox.enqueue(marketing("b", "M1", "access_locked", NOW.minusSeconds(60)));
    outbox.enqueue(marketing("c", "M1", "reminder_locked", NOW));
    long paid = outbox.enqueue(marketing("d", "M2", "access_locked", NOW)).orElseThrow();
    outbox.cancelQueued(paid, NOW, "paid up");
    MemberId m1 = new MemberId("M1");

    assertThat(outbox.lastOfTemplate(MAIN, "access_locked"))
        .containsOnly(Map.entry(m1, NOW.minusSeconds(60)));
    assertThat(outbox.lastOfTemplateOf(List.of(m1, new MemberId("M2")), "access_locked"))
        .containsOnly(Map.entry(m1, NOW.minusSeconds(60)));
    assertThat(outbox.lastOfTemplateOf(List.of(), "access_locked")).isEmpty();
  }

  @Test
  void a_batch_of_messages_queues_each_key_once_and_says_which_went_in() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    outbox.enqueue(message("stored", "M1", NOW));

    boolean[] queued =
        outbox.enqueueAll(
            List.of(
                message("new", "M1", NOW),
                message("stored", "M1", NOW),
                message("new", "M1", NOW),
                message("other", "M1", NOW)));

    assertThat(queued).containsExactly(true, false, false, true);
    assertThat(outbox.ofMember(new MemberId("M1")))
        .extracting(OutboundMessage::idempotencyKey)
        .containsExactlyInAnyOrder("stored", "new", "other");
    assertThat(outbox.enqueueAll(List.of())).isEmpty();
  }

  @Test
  void a_batch_of_notes_adds_each_key_once_and_says_which_went_in() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    MemberId m1 = new MemberId("M1");
    Note note = new Note(m1, NOW, NotePriority.NORMAL, NoteCategory.BILLING, "texted", "GymOps");
    stores.notes().add(note, "stored", "run-1");

    boolean[] added =
        stores
            .notes()
            .addAll(
                List.of(
                    new NoteStore.KeyedNote(note, "new", "run-2"),
                    new NoteStore.KeyedNote(note, "stored", "run-2"),
                    new NoteStore.KeyedNote(note, "new", "run-2")));

    assertThat(added).containsExactly(true, false, false);
    assertThat(stores.notes().ofMember(m1)).hasSize(2);
  }

  @Test
  void notes_door_changes_referrals_and_escalations_happen_once_per_key() {
    members.upsertAll(
        List.of(aMember().withId("M1").withBalance("120.00", LocalDate.of(2026, 10, 1)).build()),
        NOW);
    MemberId m1 = new MemberId("M1");
    Note note = new Note(m1, NOW, NotePriority.URGENT, NoteCategory.BILLING, "call them", "GymOps");

    assertThat(stores.notes().add(note, "n1", "run-1")).isTrue();
    assertThat(stores.notes().add(note, "n1", "run-2")).isFalse();
    assertThat(stores.doors().change(m1, DoorAccess.LOCKED_FOR_PAYMENT, NOW, "run-1", "d1"))
        .isTrue();
    assertThat(stores.doors().change(m1, DoorAccess.OPEN, NOW, "run-2", "d1")).isFalse();
    Referral referral =
        new Referral(m1, MAIN, LocalDate.of(2026, 11, 23), Money.parse("120.00"), 4, null, "run-1");
    assertThat(stores.referrals().add(referral, "r1")).isTrue();
    assertThat(stores.referrals().add(referral, "r1")).isFalse();
    assertThat(
            stores
                .escalations()
                .add(
                    m1,
                    LocalDate.of(2026, 11, 25),
                    Set.of("amount", "days_past_due"),
                    "run-1",
                    "e1"))
        .isTrue();

    assertThat(stores.notes().ofMember(m1)).containsExactly(note);
    assertThat(members.find(m1).orElseThrow().door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(stores.referrals().openInClub(MAIN)).containsOnlyKeys(m1);
    assertThat(stores.escalations().latestInClub(MAIN).get(m1).reasons())
        .containsExactlyInAnyOrder("amount", "days_past_due");
  }

  @Test
  void records_a_run_with_its_events_and_lists_the_latest_first() {
    WorkflowRun run =
        new WorkflowRun(
            "run-1",
            WorkflowId.DOOR_ACCESS,
            MAIN,
            "rules",
            null,
            false,
            RunStatus.RUNNING,
            NOW,
            NOW,
            null,
            null,
            null);
    stores.runs().start(run);
    stores
        .runs()
        .addEvents(
            "run-1",
            List.of(
                new RunEvent(
                    1, new MemberId("M1"), "lock_door", "payment", "door.lock", "{}", "done")));
    stores
        .runs()
        .finish("run-1", RunStatus.SUCCEEDED, "rules", NOW.plusSeconds(2), "{\"ok\":true}", null);

    WorkflowRun finished = stores.runs().find("run-1").orElseThrow();
    assertThat(finished.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(finished.finishedAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(stores.runs().events("run-1"))
        .extracting(RunEvent::action)
        .containsExactly("lock_door");
    assertThat(stores.runs().latest(5)).extracting(WorkflowRun::runId).containsExactly("run-1");
    assertThat(stores.runs().eventInputs("run-1", new MemberId("M1"), "lock_door")).contains("{}");
    assertThat(stores.runs().eventInputs("run-1", new MemberId("M1"), "send_reminder")).isEmpty();
    assertThat(stores.runs().eventInputs("run-1", new MemberId("M2"), "lock_door")).isEmpty();
  }

  @Test
  void a_runs_event_is_written_once_and_a_second_under_the_same_sequence_number_fails() {
    stores.runs().start(running("run-1", NOW, false));
    RunEvent event = new RunEvent(1, new MemberId("M1"), "lock_door", "payment", "r", "{}", "done");
    stores.runs().addEvents("run-1", List.of(event));

    assertThatThrownBy(
            () ->
                stores
                    .runs()
                    .addEvents(
                        "run-1",
                        List.of(
                            new RunEvent(
                                1, event.memberId(), "lock_door", "payment", "r", "{}", "twice"))))
        .isInstanceOf(RuntimeException.class);
    assertThat(stores.runs().events("run-1")).containsExactly(event);
  }

  @Test
  void reads_a_few_members_rows_by_id_and_nothing_of_the_clubs_other_members() {
    LocalDate since = LocalDate.of(2026, 10, 1);
    members.upsertAll(
        List.of(
            aMember().withId("M1").withBalance("50.00", since).build(),
            aMember().withId("M2").withBalance("60.00", since).build(),
            aMember().withId("M3").build()),
        NOW);
    MemberId m1 = new MemberId("M1");
    MemberId m2 = new MemberId("M2");
    MemberId m3 = new MemberId("M3");
    stores
        .attempts()
        .addAll(
            List.of(
                attempt("M1", "2026-11-20T15:00:00Z", "a1"),
                attempt("M1", "2026-10-01T15:00:00Z", "a-old"),
                attempt("M2", "2026-11-20T15:00:00Z", "a2")));
    for (MemberId id : List.of(m1, m2)) {
      stores
          .referrals()
          .add(
              new Referral(
                  id, MAIN, LocalDate.of(2026, 11, 23), Money.parse("50.00"), 4, null, "r"),
              "ref-" + id.value());
      stores
          .holds()
          .put(
              new com.gymops.domain.CollectionHold(
                  id, MAIN, LocalDate.of(2026, 12, 20), "plan", "dana", NOW, null, null));
      stores.escalations().add(id, LocalDate.of(2026, 11, 1), Set.of("amount"), "run-1", "e1" + id);
      stores.outbox().enqueue(marketing("mk-" + id.value(), id.value(), "monthly_special", NOW));
    }
    stores
        .escalations()
        .add(m1, LocalDate.of(2026, 11, 20), Set.of("days_past_due"), "run-2", "e2");
    List<MemberId> wanted = List.of(m3, m1, new MemberId("nobody"));

    assertThat(members.findAll(wanted)).extracting(Member::id).containsExactly(m1, m3);
    assertThat(stores.attempts().ofMembersSince(wanted, Instant.parse("2026-11-01T00:00:00Z")))
        .containsOnlyKeys(m1)
        .extractingByKey(m1)
        .asList()
        .hasSize(1);
    assertThat(stores.referrals().openOf(wanted)).containsOnlyKeys(m1);
    assertThat(stores.holds().standingOf(wanted)).containsOnlyKeys(m1);
    assertThat(stores.escalations().latestOf(wanted))
        .containsOnlyKeys(m1)
        .extractingByKey(m1)
        .extracting(last -> last.on())
        .isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(stores.outbox().marketingHistoryOf(wanted)).containsOnlyKeys(m1);
    assertThat(members.findAll(List.of())).isEmpty();
    assertThat(stores.attempts().ofMembersSince(List.of(), NOW)).isEmpty();
    assertThat(stores.referrals().openOf(List.of())).isEmpty();
    assertThat(stores.holds().standingOf(List.of())).isEmpty();
    assertThat(stores.escalations().latestOf(List.of())).isEmpty();
    assertThat(stores.outbox().marketingHistoryOf(List.of())).isEmpty();
  }

  @Test
  void the_first_run_of_a_day_whose_model_finished_its_review_is_found_by_clock_time() {
    Instant dayStart = Instant.parse("2026-11-25T05:00:00Z");
    Instant dayEnd = dayStart.plus(Duration.ofDays(1));
    // Not reviews: by the rules, fallen back, a dry run, still running, other workflow or club,
    // the day before.
    finished("run-rules", WorkflowId.DOOR_ACCESS, MAIN, dayStart.plusSeconds(60), "rules", false);
    finished(
        "run-fallback",
        WorkflowId.DOOR_ACCESS,
        MAIN,
        dayStart.plusSeconds(120),
        "rules-fallback",
        false);
    finished("run-dry", WorkflowId.DOOR_ACCESS, MAIN, dayStart.plusSeconds(180), "agent", true);
    stores.runs().start(running("run-open", dayStart.plusSeconds(240), false));
    finished(
        "run-other",
        WorkflowId.PAST_DUE_MONITORING,
        MAIN,
        dayStart.plusSeconds(300),
        "agent",
        false);
    finished(
        "run-club",
        WorkflowId.DOOR_ACCESS,
        new ClubId("north"),
        dayStart.plusSeconds(360),
        "agent",
        false);
    finished("run-before", WorkflowId.DOOR_ACCESS, MAIN, dayStart.minusSeconds(1), "agent", false);

    assertThat(stores.runs().firstAskedBetween(MAIN, WorkflowId.DOOR_ACCESS, dayStart, dayEnd))
        .isEmpty();

    Instant tenOClock = dayStart.plus(Duration.ofHours(10));
    finished("run-late", WorkflowId.DOOR_ACCESS, MAIN, tenOClock.plusSeconds(3600), "agent", false);
    finished("run-asked", WorkflowId.DOOR_ACCESS, MAIN, tenOClock, "agent", false);
    finished("run-next-day", WorkflowId.DOOR_ACCESS, MAIN, dayEnd, "agent", false);

    assertThat(stores.runs().firstAskedBetween(MAIN, WorkflowId.DOOR_ACCESS, dayStart, dayEnd))
        .contains(new RunStore.AskedRun("run-asked", tenOClock));
    assertThat(
            stores
                .runs()
                .firstAskedBetween(MAIN, WorkflowId.DOOR_ACCESS, dayEnd, dayEnd.plusSeconds(1)))
        .contains(new RunStore.AskedRun("run-next-day", dayEnd));
  }

  private void finished(
      String runId,
      WorkflowId workflow,
      ClubId club,
      Instant clockAt,
      String modeUsed,
      boolean dryRun) {
    stores
        .runs()
        .start(
            new WorkflowRun(
                runId,
                workflow,
                club,
                "agent",
                null,
                dryRun,
                RunStatus.RUNNING,
                clockAt,
                NOW,
                null,
                null,
                null));
    stores.runs().finish(runId, RunStatus.SUCCEEDED, modeUsed, NOW.plusSeconds(1), "{}", null);
  }

  @Test
  void an_attempt_is_discarded_by_its_key_once() {
    members.upsertAll(List.of(aMember().withId("D1").build()), NOW);
    stores.attempts().addAll(List.of(attempt("D1", "2026-03-10T10:00:00Z", "k-discard")));

    assertThat(stores.attempts().discard("k-discard")).isTrue();
    assertThat(stores.attempts().discard("k-discard")).isFalse();
    assertThat(stores.attempts().ofMember(new MemberId("D1"))).isEmpty();
  }

  @Test
  void a_workflow_lease_has_one_holder_until_released_or_expired() {
    WorkflowLocks locks = stores.locks();
    Duration lease = Duration.ofMinutes(30);

    assertThat(locks.acquire(WorkflowId.DOOR_ACCESS, MAIN, "a", NOW, lease)).isTrue();
    assertThat(locks.acquire(WorkflowId.DOOR_ACCESS, MAIN, "b", NOW, lease)).isFalse();
    assertThat(locks.acquire(WorkflowId.BATCH_INVOICES, MAIN, "c", NOW, lease)).isTrue();
    assertThat(
            locks.acquire(WorkflowId.DOOR_ACCESS, MAIN, "d", NOW.plus(lease).plusSeconds(1), lease))
        .isTrue();
    locks.release(WorkflowId.DOOR_ACCESS, MAIN, "a");
    assertThat(locks.acquire(WorkflowId.DOOR_ACCESS, MAIN, "e", NOW.plusSeconds(1), lease))
        .isFalse();
    locks.release(WorkflowId.DOOR_ACCESS, MAIN, "d");
    assertThat(locks.acquire(WorkflowId.DOOR_ACCESS, MAIN, "e", NOW.plusSeconds(1), lease))
        .isTrue();
  }

  @Test
  void a_run_whose_lease_expired_is_marked_interrupted_and_its_lease_freed() {
    Duration lease = Duration.ofMinutes(30);
    stores.runs().start(running("run-dead", NOW, false));
    stores.runs().start(running("run-dry", NOW, true));
    assertThat(stores.locks().acquire(WorkflowId.DOOR_ACCESS, MAIN, "run-dead", NOW, lease))
        .isTrue();

    assertThat(stores.locks().recoverInterrupted(NOW.plusSeconds(60))).isEmpty();
    assertThat(stores.locks().expiry(WorkflowId.DOOR_ACCESS, MAIN)).contains(NOW.plus(lease));
    Instant later = NOW.plus(lease).plusSeconds(1);

    assertThat(stores.locks().recoverInterrupted(later))
        .containsExactlyInAnyOrder("run-dead", "run-dry");
    WorkflowRun dead = stores.runs().find("run-dead").orElseThrow();
    assertThat(dead.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(dead.finishedAt()).isEqualTo(later);
    assertThat(dead.error()).startsWith("interrupted:");
    assertThat(stores.locks().expiry(WorkflowId.DOOR_ACCESS, MAIN)).isEmpty();
    assertThat(stores.locks().acquire(WorkflowId.DOOR_ACCESS, MAIN, "next", later, lease)).isTrue();
  }

  @Test
  void taking_over_an_expired_lease_marks_the_run_that_held_it_interrupted() {
    Duration lease = Duration.ofMinutes(30);
    stores.runs().start(running("run-old", NOW, false));
    stores.locks().acquire(WorkflowId.DOOR_ACCESS, MAIN, "run-old", NOW, lease);

    assertThat(
            stores
                .locks()
                .acquire(
                    WorkflowId.DOOR_ACCESS, MAIN, "run-new", NOW.plus(lease).plusSeconds(1), lease))
        .isTrue();

    assertThat(stores.runs().find("run-old").orElseThrow().status())
        .isEqualTo(RunStatus.INTERRUPTED);
  }

  protected static WorkflowRun running(String runId, Instant startedAt, boolean dryRun) {
    return new WorkflowRun(
        runId,
        WorkflowId.DOOR_ACCESS,
        MAIN,
        "rules",
        null,
        dryRun,
        RunStatus.RUNNING,
        startedAt,
        startedAt,
        null,
        null,
        null);
  }

  @Test
  void a_phone_is_marked_unusable_only_while_it_is_the_number_on_file() {
    members.upsertAll(List.of(aMember().withId("M1").withPhone("+14155552671").build()), NOW);

    assertThat(members.setPhoneUnusable(new MemberId("M1"), "+14155550000", NOW)).isFalse();
    assertThat(members.setPhoneUnusable(new MemberId("M1"), "+14155552671", NOW)).isTrue();
    assertThat(members.find(new MemberId("M1")).orElseThrow().textablePhone()).isEmpty();

    members.upsertAll(List.of(aMember().withId("M1").withPhone("+14155552671").build()), NOW);
    assertThat(members.find(new MemberId("M1")).orElseThrow().phoneUnusable()).isTrue();
    members.upsertAll(List.of(aMember().withId("M1").withPhone("+14155550199").build()), NOW);
    assertThat(members.find(new MemberId("M1")).orElseThrow().phoneUnusable()).isFalse();
  }

  @Test
  void retries_are_counted_and_a_sent_message_keeps_the_providers_id() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    long id = outbox.enqueue(message("k1", "M1", NOW)).orElseThrow();
    outbox.claim(id, NOW);

    assertThat(outbox.countRetry(id, "twilio 20429")).isEqualTo(1);
    assertThat(outbox.countRetry(id, "twilio 20500")).isEqualTo(2);
    assertThat(outbox.find(id).orElseThrow().error()).isEqualTo("twilio 20500");
    outbox.markSent(id, NOW, "SM123");

    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    String providerId =
        database
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery("SELECT provider_id FROM outbound_message WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(providerId).isEqualTo("SM123");
  }

  @Test
  void a_payment_lowers_the_balance_once_and_ends_the_delinquency_at_zero() {
    members.upsertAll(
        List.of(aMember().withId("M1").withBalance("80.00", LocalDate.of(2026, 10, 1)).build()),
        NOW);
    PaymentStore payments = stores.payments();
    Payment partial = new Payment("pay-1", new MemberId("M1"), Money.parse("30.00"), NOW);

    assertThat(payments.apply(partial, NOW))
        .contains(new PaymentStore.Applied(Money.parse("80.00"), Money.parse("50.00")));
    assertThat(payments.apply(partial, NOW)).isEmpty();
    assertThat(members.find(new MemberId("M1")).orElseThrow().pastDueSince())
        .isEqualTo(LocalDate.of(2026, 10, 1));

    Payment more = new Payment("pay-2", new MemberId("M1"), Money.parse("70.00"), NOW);
    assertThat(payments.apply(more, NOW))
        .contains(new PaymentStore.Applied(Money.parse("50.00"), Money.ZERO));
    Member paid = members.find(new MemberId("M1")).orElseThrow();
    assertThat(paid.pastDue()).isEqualTo(Money.ZERO);
    assertThat(paid.pastDueSince()).isNull();
    assertThat(payments.count()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                payments.apply(
                    new Payment("pay-3", new MemberId("nobody"), Money.parse("1.00"), NOW), NOW))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void finds_members_by_phone_and_pages_through_all_members_by_id() {
    members.upsertAll(
        List.of(
            aMember().withId("M1").withPhone("+14155550001").build(),
            aMember().withId("M2").withPhone("+14155550001").inClub("other").build(),
            aMember().withId("M3").withPhone("+14155550003").build()),
        NOW);

    assertThat(members.withPhone("+14155550001"))
        .extracting(member -> member.id().value())
        .containsExactly("M1", "M2");
    assertThat(members.pageAfter(null, 2))
        .extracting(member -> member.id().value())
        .containsExactly("M1", "M2");
    assertThat(members.pageAfter(new MemberId("M2"), 2))
        .extracting(member -> member.id().value())
        .containsExactly("M3");
  }

  @Test
  void a_club_system_merge_replaces_its_fields_and_keeps_gymops_own() {
    members.upsertAll(
        List.of(
            aMember()
                .withId("M1")
                .withPhone("+14155550001")
                .withBalance("80.00", LocalDate.of(2026, 10, 1))
                .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
                .optedOut()
                .build()),
        NOW);
    members.setPhoneUnusable(new MemberId("M1"), "+14155550001", NOW);

    members.mergeFromClubSystem(
        List.of(
            aMember().withId("M1").withPhone("+14155550001").named("Sam", "Lee").build(),
            aMember().withId("M2").build()),
        NOW);

    Member merged = members.find(new MemberId("M1")).orElseThrow();
    assertThat(merged.firstName()).isEqualTo("Sam");
    assertThat(merged.pastDue()).isEqualTo(Money.ZERO);
    assertThat(merged.pastDueSince()).isNull();
    assertThat(merged.door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    assertThat(merged.smsOptedOut()).isTrue();
    assertThat(merged.phoneUnusable()).isTrue();
    assertThat(members.find(new MemberId("M2"))).isPresent();

    members.mergeFromClubSystem(
        List.of(aMember().withId("M1").withPhone("+14155550009").build()), NOW);
    assertThat(members.find(new MemberId("M1")).orElseThrow().phoneUnusable()).isFalse();
  }

  @Test
  void a_sync_watermark_is_saved_and_moved() {
    SyncStateStore state = stores.syncState();

    assertThat(state.watermark("club-system:members")).isEmpty();
    state.save("club-system:members", NOW, NOW);
    state.save("club-system:members", NOW.plusSeconds(60), NOW);
    assertThat(state.watermark("club-system:members")).contains(NOW.plusSeconds(60));
  }

  @Test
  void a_delivery_report_changes_only_a_sent_message() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    long sent = outbox.enqueue(message("k-sent", "M1", NOW)).orElseThrow();
    long queued = outbox.enqueue(message("k-queued", "M1", NOW)).orElseThrow();
    outbox.claim(sent, NOW);
    outbox.markSent(sent, NOW, "SM42");

    assertThat(outbox.findByProviderId("SM42")).map(OutboundMessage::id).contains(sent);
    assertThat(outbox.findByProviderId("SM43")).isEmpty();
    assertThat(outbox.recordDelivery(queued, MessageStatus.DELIVERED, null)).isFalse();
    assertThat(outbox.recordDelivery(sent, MessageStatus.DELIVERED, null)).isTrue();
    assertThat(outbox.recordDelivery(sent, MessageStatus.FAILED, "twilio 30003: failed")).isFalse();
    assertThat(outbox.find(sent).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(outbox.find(queued).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  void a_logged_message_is_final_no_dispatch_or_delivery_report_changes_it() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    long logged = outbox.enqueue(message("k-logged", "M1", NOW)).orElseThrow();
    assertThat(outbox.claim(logged, NOW)).isTrue();
    outbox.markLogged(logged, NOW, "log-" + logged);

    OutboundMessage stored = outbox.find(logged).orElseThrow();
    assertThat(stored.status()).isEqualTo(MessageStatus.LOGGED);
    assertThat(stored.sentAt()).isEqualTo(NOW);
    assertThat(outbox.findByProviderId("log-" + logged)).map(OutboundMessage::id).contains(logged);
    assertThat(outbox.due(NOW.plusSeconds(3600), 10)).isEmpty();
    assertThat(outbox.claim(logged, NOW)).as("never claimed, so never sent again").isFalse();
    assertThat(outbox.recordDelivery(logged, MessageStatus.DELIVERED, null)).isFalse();
    assertThat(outbox.requeueFailed(logged, NOW)).isFalse();
    assertThat(outbox.cancelQueued(logged, NOW, "cancelled")).isFalse();
    assertThat(outbox.failStuckSending(NOW.plusSeconds(3600), NOW, "outcome unknown")).isEmpty();
    assertThat(outbox.find(logged).orElseThrow().status()).isEqualTo(MessageStatus.LOGGED);
    assertThat(outbox.countByStatus()).containsEntry(MessageStatus.LOGGED, 1L);
  }

  @Test
  void only_messages_claimed_long_ago_and_still_sending_are_ended_as_unknown() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);
    Outbox outbox = stores.outbox();
    long old = outbox.enqueue(message("k-old", "M1", NOW)).orElseThrow();
    long recent = outbox.enqueue(message("k-recent", "M1", NOW)).orElseThrow();
    long done = outbox.enqueue(message("k-done", "M1", NOW)).orElseThrow();
    outbox.claim(old, NOW.minus(Duration.ofMinutes(30)));
    outbox.claim(recent, NOW.minus(Duration.ofMinutes(2)));
    outbox.claim(done, NOW.minus(Duration.ofMinutes(30)));
    outbox.markSent(done, NOW.minus(Duration.ofMinutes(29)));

    List<OutboundMessage> ended =
        outbox.failStuckSending(NOW.minus(Duration.ofMinutes(10)), NOW, "outcome unknown");

    assertThat(ended).extracting(OutboundMessage::id).containsExactly(old);
    assertThat(outbox.find(old).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
    assertThat(outbox.find(recent).orElseThrow().status()).isEqualTo(MessageStatus.SENDING);
    assertThat(outbox.find(done).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void an_attachment_is_kept_whole_with_its_message() {
    String csv = "member_id,amount\r\n" + "M1,250.00\r\n".repeat(5_000);
    OutboundMessage report = message("report:1", "M1", NOW);
    report =
        new OutboundMessage(
            0,
            report.idempotencyKey(),
            MAIN,
            null,
            Channel.EMAIL,
            "manager@example.com",
            MessagePurpose.MANAGER,
            "manager_report",
            "Report",
            "Attached.",
            0,
            MessageStatus.QUEUED,
            NOW,
            NOW,
            null,
            null,
            null,
            new Attachment("referrals-main-2026-11-25.csv", csv));

    long id = stores.outbox().enqueue(report).orElseThrow();

    assertThat(stores.outbox().find(id).orElseThrow().attachment())
        .isEqualTo(new Attachment("referrals-main-2026-11-25.csv", csv));
  }

  @Test
  void a_recorded_door_change_is_known_by_its_key() {
    members.upsertAll(List.of(aMember().withId("M1").build()), NOW);

    assertThat(stores.doors().isRecorded("door:lock:M1")).isFalse();
    stores
        .doors()
        .change(new MemberId("M1"), DoorAccess.LOCKED_FOR_PAYMENT, NOW, null, "door:lock:M1");
    assertThat(stores.doors().isRecorded("door:lock:M1")).isTrue();
  }

  @Test
  void the_daily_summary_counts_each_state_of_member_messages_apart() {
    var outbox = stores.outbox();
    long sent = outbox.enqueue(message("s:1", "M1", NOW)).orElseThrow();
    long logged = outbox.enqueue(message("s:2", "M2", NOW)).orElseThrow();
    long failed = outbox.enqueue(message("s:3", "M3", NOW)).orElseThrow();
    long suppressed = outbox.enqueue(message("s:4", "M4", NOW)).orElseThrow();
    outbox.enqueue(message("s:5", "M5", NOW)).orElseThrow();
    outbox.enqueue(message("s:6", "M6", NOW.plusSeconds(5 * 3600))).orElseThrow();
    outbox.markSent(sent, NOW, "SM0001");
    outbox.markLogged(logged, NOW, "log-" + logged);
    outbox.markFailed(failed, NOW, "21211 invalid number");
    assertThat(outbox.cancelQueued(suppressed, NOW, "superseded by the lock text")).isTrue();

    var activity =
        Persistence.summaryReads(database)
            .activity(MAIN, NOW.minusSeconds(3600), NOW.plusSeconds(3600), NOW.plusSeconds(60));

    assertThat(activity.textsSent()).isEqualTo(1);
    assertThat(activity.messagesLogged()).isEqualTo(1);
    assertThat(activity.messagesFailed()).isEqualTo(1);
    assertThat(activity.messagesSuppressed()).isEqualTo(1);
    assertThat(activity.messagesQueued()).isEqualTo(1);
    assertThat(activity.messagesDeferred()).isEqualTo(1);
  }

  private static OutboundMessage message(String key, String member, Instant notBefore) {
    return new OutboundMessage(
        0,
        key,
        MAIN,
        new MemberId(member),
        Channel.SMS,
        "+14155552671",
        MessagePurpose.REMINDER,
        "reminder_friendly",
        null,
        "Hi",
        1,
        MessageStatus.QUEUED,
        NOW,
        notBefore,
        null,
        null,
        "run-1");
  }

  private static OutboundMessage marketing(String key, String member, String template, Instant at) {
    return new OutboundMessage(
        0,
        key,
        MAIN,
        new MemberId(member),
        Channel.SMS,
        "+14155552671",
        MessagePurpose.MARKETING,
        template,
        null,
        "Hi",
        1,
        MessageStatus.QUEUED,
        at,
        at,
        null,
        null,
        "run-1");
  }

  /** The same database opened a second time, as a restart would. */
  protected abstract Database reopen();

  private static KeyedAttempt attempt(String member, String at, String key) {
    return new KeyedAttempt(
        new CollectionAttempt(
            new MemberId(member),
            Instant.parse(at),
            AttemptKind.FRIENDLY,
            Channel.SMS,
            AttemptOutcome.SENT),
        key,
        null);
  }

  @Test
  void v8_keeps_one_hold_per_member_releases_it_once_and_lists_standing_holds() {
    members.upsertAll(List.of(aMember().withId("H1").build()), NOW);
    MemberId id = new MemberId("H1");
    stores
        .holds()
        .put(
            new com.gymops.domain.CollectionHold(
                id, MAIN, LocalDate.of(2026, 12, 1), "plan", "dana", NOW, null, null));
    stores
        .holds()
        .put(
            new com.gymops.domain.CollectionHold(
                id, MAIN, LocalDate.of(2026, 12, 20), "longer plan", "sam", NOW, null, null));

    assertThat(stores.holds().standingInClub(MAIN)).containsOnlyKeys(id);
    assertThat(stores.holds().of(id).orElseThrow().until()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(stores.holds().release(id, "dana", NOW)).isTrue();
    assertThat(stores.holds().release(id, "dana", NOW)).isFalse();
    assertThat(stores.holds().standingInClub(MAIN)).isEmpty();
    assertThat(stores.holds().of(id).orElseThrow().releasedAt()).isEqualTo(NOW);
  }

  @Test
  void v8_pauses_tokens_pay_links_and_the_audit_log_round_trip() {
    members.upsertAll(List.of(aMember().withId("P1").build()), NOW);
    com.gymops.domain.WorkflowId door = com.gymops.domain.WorkflowId.DOOR_ACCESS;
    assertThat(stores.paused().pause(door, "main", "dana", NOW)).isTrue();
    assertThat(stores.paused().pause(door, "main", "dana", NOW)).isFalse();
    assertThat(stores.paused().isPaused(door, MAIN)).isTrue();
    assertThat(stores.paused().isPaused(door, new ClubId("north"))).isFalse();
    stores.paused().pause(door, PausedWorkflows.ALL_CLUBS, "dana", NOW);
    assertThat(stores.paused().isPaused(door, new ClubId("north"))).isTrue();
    assertThat(stores.paused().all()).hasSize(2);

    com.gymops.domain.ApiToken token =
        new com.gymops.domain.ApiToken("tok-1", "console", MAIN, NOW, null);
    assertThat(stores.tokens().add(token, "ab".repeat(32))).isTrue();
    assertThat(stores.tokens().add(token, "cd".repeat(32))).isFalse();
    assertThat(stores.tokens().byHash("ab".repeat(32))).contains(token);
    assertThat(stores.tokens().revoke("console", NOW)).isTrue();
    assertThat(stores.tokens().byHash("ab".repeat(32)).orElseThrow().revoked()).isTrue();

    MemberId p1 = new MemberId("P1");
    stores.payLinks().putAll(java.util.Map.of(p1, "https://pay.example.com/P1"), NOW);
    assertThat(stores.payLinks().of(p1)).contains("https://pay.example.com/P1");
    // Asked by the members a run looks at: the link of the last of 1,500 ids is found, ids
    // without a link are simply absent.
    List<MemberId> asked = new java.util.ArrayList<>();
    for (int i = 0; i < 1_499; i++) {
      asked.add(new MemberId("nobody-" + i + (i % 2 == 0 ? "" : " \"quoted\", with a comma")));
    }
    asked.add(p1);
    assertThat(stores.payLinks().ofMembers(asked))
        .containsExactly(java.util.Map.entry(p1, "https://pay.example.com/P1"));
    assertThat(stores.payLinks().ofMembers(List.of())).isEmpty();
    stores.payLinks().putAll(java.util.Map.of(p1, ""), NOW);
    assertThat(stores.payLinks().of(p1)).isEmpty();
    assertThat(stores.payLinks().ofMembers(asked)).isEmpty();

    for (String id : List.of("aud-2", "aud-1", "aud-3")) {
      stores
          .audit()
          .add(
              new com.gymops.domain.AuditEntry(
                  id, NOW, "dana", MAIN, "note", "member:P1", null, id, null));
    }
    assertThat(stores.audit().about("member:P1"))
        .extracting(com.gymops.domain.AuditEntry::after)
        .containsExactly("aud-1", "aud-2", "aud-3");
    assertThat(stores.audit().latest(1))
        .extracting(com.gymops.domain.AuditEntry::id)
        .containsExactly("aud-3");
  }

  @Test
  void v17_a_customer_id_finds_its_one_member_and_nobody_when_shared() {
    members.upsertAll(List.of(aMember().withId("C1").build(), aMember().withId("C2").build()), NOW);
    var billing = Persistence.providerBilling(database);
    billing.putCustomerIds(
        Map.of(new MemberId("C1"), "cus_A", new MemberId("nobody"), "cus_X"), NOW);
    assertThat(billing.memberOfCustomer("cus_A")).contains(new MemberId("C1"));
    assertThat(billing.customerIdOf(new MemberId("C1"))).contains("cus_A");
    assertThat(billing.memberOfCustomer("cus_X")).isEmpty();
    billing.putCustomerIds(Map.of(new MemberId("C2"), "cus_A"), NOW);
    assertThat(billing.memberOfCustomer("cus_A")).as("shared: nobody").isEmpty();
    billing.putCustomerIds(Map.of(new MemberId("C2"), ""), NOW);
    assertThat(billing.customerIdOf(new MemberId("C2"))).isEmpty();
    assertThat(billing.memberOfCustomer("cus_A")).contains(new MemberId("C1"));

    assertThat(billing.handled("stripe", "evt_1")).isFalse();
    billing.markHandled("stripe", "evt_1", "invoice.paid", new MemberId("C1"), NOW);
    billing.markHandled("stripe", "evt_1", "invoice.paid", new MemberId("C1"), NOW);
    assertThat(billing.handled("stripe", "evt_1")).isTrue();
    assertThat(billing.handled("square", "evt_1")).isFalse();
  }

  @Test
  void v17_a_failed_invoice_opens_the_delinquency_once_and_a_payment_closes_its_link() {
    LocalDate may1 = LocalDate.parse("2026-05-01");
    members.upsertAll(List.of(aMember().withId("D1").build()), NOW);
    MemberId d1 = new MemberId("D1");
    var billing = Persistence.providerBilling(database);
    var failed =
        new com.gymops.application.port.store.ProviderBilling.FailedInvoice(
            "stripe",
            "in_1",
            d1,
            Money.parse("49.00"),
            may1,
            1,
            NOW.plus(Duration.ofDays(3)),
            "https://invoice.stripe.com/i/in_1");
    var opened = billing.failed(failed, NOW);
    assertThat(opened.open()).isTrue();
    assertThat(opened.amount()).isEqualTo(Money.parse("49.00"));
    assertThat(opened.nextRetry()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    assertThat(members.find(d1).orElseThrow().pastDue()).isEqualTo(Money.parse("49.00"));
    assertThat(members.find(d1).orElseThrow().pastDueSince()).isEqualTo(may1);
    // The provider's second try fails too: the balance is not raised again, the retry moves.
    var again =
        billing.failed(
            new com.gymops.application.port.store.ProviderBilling.FailedInvoice(
                "stripe", "in_1", d1, Money.parse("49.00"), may1.plusDays(3), 2, null, null),
            NOW);
    assertThat(again.attemptCount()).isEqualTo(2);
    assertThat(again.nextRetry()).isNull();
    assertThat(again.payUrl()).as("kept").isEqualTo("https://invoice.stripe.com/i/in_1");
    assertThat(members.find(d1).orElseThrow().pastDue()).isEqualTo(Money.parse("49.00"));
    assertThat(members.find(d1).orElseThrow().pastDueSince()).isEqualTo(may1);
    assertThat(billing.openOf(List.of(d1, new MemberId("nobody")))).containsOnlyKeys(d1);
    assertThat(stores.payLinks().of(d1)).contains("https://invoice.stripe.com/i/in_1");
    stores.payLinks().putAll(Map.of(d1, "https://pay.example.com/D1"), NOW);
    assertThat(stores.payLinks().ofMembers(List.of(d1)))
        .as("the open invoice's page comes first")
        .containsEntry(d1, "https://invoice.stripe.com/i/in_1");

    billing.paid("stripe", "in_1", d1, Money.parse("49.00"), may1.plusDays(4), NOW);
    assertThat(billing.find("stripe", "in_1").orElseThrow().open()).isFalse();
    assertThat(billing.find("stripe", "in_1").orElseThrow().paid()).isEqualTo(Money.parse("49.00"));
    assertThat(billing.openOf(List.of(d1))).isEmpty();
    assertThat(stores.payLinks().of(d1)).contains("https://pay.example.com/D1");
    // A failure delivered after the payment changes nothing.
    billing.failed(failed, NOW);
    assertThat(billing.find("stripe", "in_1").orElseThrow().open()).isFalse();

    // Paid before GymOps heard of a failure: recorded closed, a late failure is ignored.
    billing.paid("square", "inv:0-1", d1, Money.parse("20.00"), may1, NOW);
    var late =
        billing.failed(
            new com.gymops.application.port.store.ProviderBilling.FailedInvoice(
                "square", "inv:0-1", d1, Money.parse("20.00"), may1, 1, null, null),
            NOW);
    assertThat(late.open()).isFalse();
    assertThatThrownBy(
            () ->
                billing.failed(
                    new com.gymops.application.port.store.ProviderBilling.FailedInvoice(
                        "stripe",
                        "in_9",
                        new MemberId("nobody"),
                        Money.parse("1.00"),
                        may1,
                        1,
                        null,
                        null),
                    NOW))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void an_invoice_made_on_demand_is_kept_open_with_its_page_and_leaves_the_balance_alone() {
    LocalDate may1 = LocalDate.parse("2026-05-01");
    members.upsertAll(List.of(aMember().withId("Q1").withBalance("59.00", may1).build()), NOW);
    MemberId q1 = new MemberId("Q1");
    var billing = Persistence.providerBilling(database);

    billing.issued(
        "square", "inv:0-q1", q1, Money.parse("59.00"), may1, "https://squareup.com/p/q1", NOW);
    billing.issued(
        "square", "inv:0-q1", q1, Money.parse("59.00"), may1, "https://squareup.com/p/x", NOW);

    var kept = billing.find("square", "inv:0-q1").orElseThrow();
    assertThat(kept.open()).isTrue();
    assertThat(kept.amount()).isEqualTo(Money.parse("59.00"));
    assertThat(kept.paid()).isEqualTo(Money.ZERO);
    assertThat(kept.since()).isEqualTo(may1);
    assertThat(kept.payUrl()).as("the first kept").isEqualTo("https://squareup.com/p/q1");
    assertThat(members.find(q1).orElseThrow().pastDue()).isEqualTo(Money.parse("59.00"));
    assertThat(billing.openOf(List.of(q1))).containsOnlyKeys(q1);
    assertThat(stores.payLinks().of(q1)).contains("https://squareup.com/p/q1");

    billing.paid("square", "inv:0-q1", q1, Money.parse("59.00"), may1.plusDays(2), NOW);
    assertThat(billing.openOf(List.of(q1))).isEmpty();
    assertThat(stores.payLinks().of(q1)).isEmpty();
  }

  @Test
  void v8_an_approval_is_filed_once_decided_once_and_claimed_once() {
    members.upsertAll(List.of(aMember().withId("A1").build()), NOW);
    com.gymops.domain.Approval approval =
        new com.gymops.domain.Approval(
            "apr-1",
            MAIN,
            com.gymops.domain.Approval.Kind.LOCKS_OVER_LIMIT,
            com.gymops.domain.WorkflowId.DOOR_ACCESS,
            "lock 1",
            "door.lock",
            "run-1",
            NOW,
            NOW.plusSeconds(3600),
            com.gymops.domain.Approval.Status.PENDING,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new com.gymops.domain.ApprovalAction(
                    1,
                    new MemberId("A1"),
                    "lock_door",
                    "payment",
                    "door.lock",
                    "{}",
                    "{\"type\":\"LockDoor\"}",
                    null,
                    null)));
    ApprovalStore approvals = stores.approvals();

    assertThat(approvals.file(approval, "key-1")).isTrue();
    assertThat(approvals.file(approval.withActions(List.of()), "key-1")).isFalse();
    assertThat(approvals.list(MAIN, true)).singleElement().isEqualTo(approval);
    assertThat(approvals.pendingExpiredAt(NOW.plusSeconds(3600))).hasSize(1);
    assertThat(
            approvals.decide(
                "apr-1", com.gymops.domain.Approval.Status.APPROVED, "dana", NOW, null))
        .isTrue();
    assertThat(
            approvals.decide("apr-1", com.gymops.domain.Approval.Status.DENIED, "sam", NOW, "no"))
        .isFalse();
    assertThat(approvals.claim("apr-1", "run-2", NOW, NOW.minusSeconds(600))).isTrue();
    assertThat(approvals.claim("apr-1", "run-3", NOW, NOW.minusSeconds(600))).isFalse();
    assertThat(approvals.claim("apr-1", "run-3", NOW, NOW.plusSeconds(1))).isTrue();
    approvals.executed("apr-1", "run-3", NOW, List.of("done"));
    assertThat(approvals.approvedUnexecuted()).isEmpty();
    assertThat(approvals.find("apr-1").orElseThrow().actions())
        .extracting(com.gymops.domain.ApprovalAction::outcome)
        .containsExactly("done");
  }

  @Test
  void approvals_filed_today_and_the_latest_decided_are_read_without_the_whole_history() {
    members.upsertAll(List.of(aMember().withId("A1").build()), NOW);
    ApprovalStore approvals = stores.approvals();
    for (int i = 1; i <= 4; i++) {
      com.gymops.domain.Approval approval =
          new com.gymops.domain.Approval(
              "apr-" + i,
              MAIN,
              com.gymops.domain.Approval.Kind.AGENT_HOLD,
              com.gymops.domain.WorkflowId.PAST_DUE_MONITORING,
              "hold " + i,
              "agent",
              "run-" + i,
              NOW.plusSeconds(i * 60L),
              NOW.plusSeconds(i * 60L + 3600),
              com.gymops.domain.Approval.Status.PENDING,
              null,
              null,
              null,
              null,
              null,
              List.of(
                  new com.gymops.domain.ApprovalAction(
                      1,
                      new MemberId("A1"),
                      "send_reminder",
                      "friendly",
                      "past-due.friendly",
                      "{}",
                      "{}",
                      "text",
                      null)));
      assertThat(approvals.file(approval, "key-" + i)).isTrue();
    }
    approvals.decide("apr-1", com.gymops.domain.Approval.Status.DENIED, "dana", NOW, "no");
    approvals.decide("apr-2", com.gymops.domain.Approval.Status.EXPIRED, "timeout", NOW, null);
    approvals.decide("apr-3", com.gymops.domain.Approval.Status.APPROVED, "dana", NOW, null);

    assertThat(approvals.recentlyDecided(MAIN, 2))
        .extracting(com.gymops.domain.Approval::id)
        .containsExactly("apr-3", "apr-2");
    assertThat(approvals.recentlyDecided(MAIN, 2).get(0).actions()).hasSize(1);
    assertThat(approvals.filedSince(MAIN, NOW.plusSeconds(150)))
        .extracting(com.gymops.domain.Approval::id)
        .containsExactly("apr-4", "apr-3");
    assertThat(approvals.filedSince(new ClubId("elsewhere"), NOW)).isEmpty();
  }
}
