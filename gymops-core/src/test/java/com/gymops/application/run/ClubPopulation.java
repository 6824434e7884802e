package com.gymops.application.run;

import static com.gymops.testing.MemberBuilder.aMember;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.testing.TestClub;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Members that give each of the six workflows something to do on {@link #TODAY}, a Tuesday clear of
 * daylight-saving changes: a prospect, a green member and a pay-per-visit member for campaigns; a
 * big, old debt (reminder, lock, escalation, referral, invoice); a small, new one (reminder, lock,
 * invoice); and a paid-up member still locked for payment (unlock).
 */
public final class ClubPopulation {
  public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  public static final MemberId PROSPECT = new MemberId("P1");
  public static final MemberId GREEN = new MemberId("G1");
  public static final MemberId PPV = new MemberId("V1");
  public static final MemberId BIG_DEBT = new MemberId("D1");
  public static final MemberId SMALL_DEBT = new MemberId("D2");
  public static final MemberId PAID_BUT_LOCKED = new MemberId("U1");

  private ClubPopulation() {}

  public static void seed(TestClub club) {
    club.seed(
        aMember()
            .withId(PROSPECT.value())
            .withStatus(MemberStatus.PROSPECT)
            .joinedOn(TODAY.minusDays(11))
            .build(),
        aMember().withId(GREEN.value()).joinedOn(TODAY.minusDays(6)).build(),
        aMember()
            .withId(PPV.value())
            .withStatus(MemberStatus.PPV)
            .joinedOn(LocalDate.of(2025, 1, 1))
            .build(),
        aMember().withId(BIG_DEBT.value()).withBalance("250.00", TODAY.minusDays(40)).build(),
        aMember().withId(SMALL_DEBT.value()).withBalance("30.00", TODAY.minusDays(5)).build(),
        aMember().withId(PAID_BUT_LOCKED.value()).withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());
    for (int day = 1; day <= 5; day++) {
      club.seedAttempt(
          BIG_DEBT,
          local(TODAY.minusDays(40).plusDays(day), LocalTime.of(10, 0)),
          AttemptKind.FRIENDLY,
          AttemptOutcome.DELIVERED);
    }
  }

  public static Instant local(LocalDate date, LocalTime time) {
    return TestClub.at(date.atTime(time));
  }

  /** The workflow's scheduled time today. */
  public static Instant scheduled(WorkflowId workflow) {
    return local(
        TODAY,
        switch (workflow) {
          case DAILY_CAMPAIGNS -> LocalTime.of(6, 0);
          case BATCH_INVOICES -> LocalTime.of(7, 0);
          case COLLECTIONS_ESCALATION -> LocalTime.of(8, 0);
          case COLLECTIONS_REFERRAL -> LocalTime.of(9, 0);
          case PAST_DUE_MONITORING, DOOR_ACCESS -> LocalTime.of(10, 0);
        });
  }

  /** Later in the same club-local period as {@link #scheduled}: hour, day or month. */
  public static Instant laterInSamePeriod(WorkflowId workflow) {
    return switch (workflow) {
      case PAST_DUE_MONITORING, DOOR_ACCESS -> local(TODAY, LocalTime.of(10, 59, 59));
      case DAILY_CAMPAIGNS, COLLECTIONS_ESCALATION, COLLECTIONS_REFERRAL ->
          local(TODAY, LocalTime.of(23, 30));
      case BATCH_INVOICES -> local(TODAY.withDayOfMonth(20), LocalTime.of(14, 0));
    };
  }
}
