package com.gymops.policy;

import static com.gymops.policy.CollectionsClub.TODAY;
import static com.gymops.policy.CollectionsClub.ZONE;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Referral;
import com.gymops.testing.MemberBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Test data: {@code aPastDueMember().owing("50.00").since(date).withReminders(2).build()}. By
 * default a member owes $20.00 since 10 days before {@link CollectionsClub#TODAY}, has an open door
 * and no collection history.
 */
final class PastDueMemberBuilder {
  private final MemberBuilder member = MemberBuilder.aMember();
  private String amount = "20.00";
  private LocalDate since = TODAY.minusDays(10);
  private final List<AttemptSpec> attempts = new ArrayList<>();
  private Optional<Referral> openReferral = Optional.empty();
  private Optional<Escalation> lastEscalation = Optional.empty();
  private Optional<Instant> lastLockText = Optional.empty();
  private boolean staff;

  private record AttemptSpec(Instant at, AttemptKind kind, AttemptOutcome outcome) {}

  private PastDueMemberBuilder() {}

  static PastDueMemberBuilder aPastDueMember() {
    return new PastDueMemberBuilder();
  }

  static PastDueMemberBuilder aPaidUpMember() {
    return new PastDueMemberBuilder().owing("0.00").since(null);
  }

  PastDueMemberBuilder withId(String id) {
    member.withId(id);
    return this;
  }

  PastDueMemberBuilder named(String first, String last) {
    member.named(first, last);
    return this;
  }

  PastDueMemberBuilder withPhone(String phone) {
    member.withPhone(phone);
    return this;
  }

  PastDueMemberBuilder withEmail(String email) {
    member.withEmail(email);
    return this;
  }

  PastDueMemberBuilder owing(String value) {
    this.amount = value;
    return this;
  }

  PastDueMemberBuilder since(LocalDate value) {
    this.since = value;
    return this;
  }

  PastDueMemberBuilder pastDueForDays(long days) {
    return since(TODAY.minusDays(days));
  }

  PastDueMemberBuilder withDoor(DoorAccess door) {
    member.withDoor(door);
    return this;
  }

  /**
   * {@code count} delivered reminders early on the first day of the delinquency: they count as
   * attempts, and with the default start date they are too old to hold back a new reminder.
   */
  PastDueMemberBuilder withReminders(int count) {
    Instant first = since.atTime(LocalTime.of(0, 1)).atZone(ZONE).toInstant();
    for (int i = 0; i < count; i++) {
      withAttempt(
          first.plus(Duration.ofMinutes(i)), AttemptKind.FRIENDLY, AttemptOutcome.DELIVERED);
    }
    return this;
  }

  PastDueMemberBuilder withReminderAt(Instant at) {
    return withAttempt(at, AttemptKind.FRIENDLY, AttemptOutcome.DELIVERED);
  }

  PastDueMemberBuilder withFailedReminderAt(Instant at) {
    return withAttempt(at, AttemptKind.FIRM, AttemptOutcome.FAILED);
  }

  PastDueMemberBuilder withInvoiceAt(Instant at) {
    return withAttempt(at, AttemptKind.INVOICE, AttemptOutcome.DELIVERED);
  }

  PastDueMemberBuilder withAttempt(Instant at, AttemptKind kind, AttemptOutcome outcome) {
    attempts.add(new AttemptSpec(at, kind, outcome));
    return this;
  }

  PastDueMemberBuilder withOpenReferral() {
    this.openReferral =
        Optional.of(
            new Referral(
                new MemberId("pending"),
                new ClubId("main"),
                TODAY.minusDays(14),
                Money.parse(amount),
                3,
                null,
                "run-1"));
    return this;
  }

  /** The member's lock text ({@code access_locked}) went at {@code at}, by whichever workflow. */
  PastDueMemberBuilder withLockTextAt(Instant at) {
    this.lastLockText = Optional.of(at);
    return this;
  }

  /** The club system counts the member as staff. */
  PastDueMemberBuilder asStaff() {
    this.staff = true;
    return this;
  }

  PastDueMemberBuilder lastEscalatedOn(LocalDate on, String... reasonCodes) {
    this.lastEscalation = Optional.of(new Escalation(on, Set.of(reasonCodes)));
    return this;
  }

  MemberSnapshot build() {
    Member built = member.withBalance(amount, since).build();
    List<CollectionAttempt> history =
        attempts.stream()
            .sorted(Comparator.comparing(AttemptSpec::at))
            .map(a -> new CollectionAttempt(built.id(), a.at(), a.kind(), Channel.SMS, a.outcome()))
            .toList();
    Optional<Referral> referral =
        openReferral.map(
            r ->
                new Referral(
                    built.id(),
                    r.clubId(),
                    r.referredOn(),
                    r.amount(),
                    r.attempts(),
                    null,
                    r.runId()));
    return new MemberSnapshot(
        built, history, MarketingHistory.NONE, referral, lastEscalation, lastLockText, staff);
  }
}
