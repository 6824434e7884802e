package com.gymops.store;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import com.gymops.store.AttemptStore.KeyedAttempt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database must give the stores. Subclasses supply a fresh, migrated database
 * per test; the same tests then run on H2 and on PostgreSQL.
 */
abstract class StoreContract {
  private static final Instant NOW = Instant.parse("2026-11-25T15:30:00Z");
  private static final ClubId MAIN = new ClubId("main");

  /** A fresh, migrated, empty database for one test; the subclass closes it afterwards. */
  protected abstract Database open();

  private Database database;
  private MemberStore members;
  private AttemptStore attempts;
  private Transactor transactor;

  @BeforeEach
  void createStores() {
    database = open();
    members = new JdbiMemberStore(database.jdbi());
    attempts = new JdbiAttemptStore(database.jdbi());
    transactor = new JdbiTransactor(database.jdbi());
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
}
