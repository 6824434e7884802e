package com.gymops.application.sync;

import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystemFacts;
import com.gymops.application.port.store.MemberStore;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Fills what a club system without the field leaves to GymOps (docs/INTEGRATIONS.md): consent it
 * does not hold stays what GymOps has on file, none for a new member; a debt whose start it does
 * not give starts on the day of the first pull that saw it, or earlier when the club system's
 * standing says so, and keeps an earlier start GymOps already has for the same unbroken debt.
 */
final class PulledRecordDefaults {
  private final MemberStore members;
  private final Clock clock;

  PulledRecordDefaults(MemberStore members, Clock clock) {
    this.members = members;
    this.clock = clock;
  }

  ClubRecord apply(ClubRecord record) {
    ClubSystemFacts facts = record.facts();
    if (facts == null
        || facts.consentKnown() && !facts.pastDueSinceAtLatest()
        || record.memberId() == null
        || record.memberId().isBlank()) {
      return record;
    }
    Optional<Member> onFile = members.find(new MemberId(record.memberId()));
    boolean consent =
        facts.consentKnown() ? record.smsConsent() : onFile.map(Member::smsConsent).orElse(false);
    String since = record.pastDueSince();
    if (facts.pastDueSinceAtLatest() && owes(record.pastDueAmount())) {
      LocalDate latest =
          since == null || since.isBlank() ? LocalDate.now(clock) : LocalDate.parse(since);
      LocalDate earlier =
          onFile
              .filter(member -> member.pastDue().isPositive() && member.pastDueSince() != null)
              .map(Member::pastDueSince)
              .filter(start -> start.isBefore(latest))
              .orElse(latest);
      since = earlier.toString();
    }
    return new ClubRecord(
        record.memberId(),
        record.clubId(),
        record.firstName(),
        record.lastName(),
        record.phone(),
        record.email(),
        record.status(),
        record.joinedOn(),
        record.pastDueAmount(),
        since,
        consent,
        record.updatedAt(),
        record.state(),
        record.collectionsHoldUntil(),
        record.payLink(),
        facts,
        record.paymentCustomerId());
  }

  /** An amount the sync cannot read is left for it to report. */
  private static boolean owes(String amount) {
    if (amount == null) {
      return false;
    }
    try {
      return Money.parse(amount).isPositive();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
