package com.gymops.app.demo;

import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates a realistic club for demos and benchmarks: members in every status, a 10% past-due
 * share with a long tail of amounts, consent gaps, locked doors and the collection history a club
 * has before GymOps takes over. docs/DEMO-DATA.md gives the proportions and the reasons for them.
 *
 * <p>Pure and deterministic: the same club, count, seed, date and zone always give the same data.
 * Nothing reads the clock; {@code today} is the club-local day the demo starts, and every attempt
 * lies before its first instant. Instances are immutable and thread-safe.
 */
public final class DemoClubGenerator {
  // Status shares of all people on file; the rest (10%) are CANCELLED.
  private static final double PROSPECT = 0.12;
  private static final double ACTIVE = 0.60;
  private static final double PPV = 0.10;
  private static final double FROZEN = 0.08;

  /** Green members (ACTIVE, joined within 30 days) make 8% of all people. */
  private static final double GREEN_SHARE_OF_ACTIVE = 0.08 / ACTIVE;

  /**
   * Prospects owe nothing, and green members have just paid their first month, so the past-due
   * members come from the other 80% of people; 0.125 of them makes 10% of everyone.
   */
  private static final double PAST_DUE_SHARE_OF_BILLED = 0.10 / (1 - PROSPECT - 0.08);

  private static final double NO_PHONE = 0.03;
  private static final double NO_EMAIL = 0.25;

  /** STOP needs a phone: 4% of all people, counted among the 97% who have one. */
  private static final double OPTED_OUT_SHARE_OF_PHONES = 0.04 / (1 - NO_PHONE);

  /** Marketing consent needs a phone not opted out: 85% of all people. */
  private static final double CONSENT_SHARE_OF_TEXTABLE = 0.85 / (1 - NO_PHONE - 0.04);

  /** Staff locks (unpaid guest fees, conduct) on 0.5% of all people, never on prospects. */
  private static final double STAFF_LOCK_SHARE_OF_MEMBERS = 0.005 / (1 - PROSPECT);

  /**
   * The club already runs the hourly door job: delinquencies past the 3-day grace are locked, but
   * for a few that crossed it since the last run, which the demo's door-access run then locks — few
   * enough to stay under the blast-radius breaker, as in daily life.
   */
  private static final int GRACE_DAYS = 3;

  private static final double LOCKED_SHARE_PAST_GRACE = 0.97;

  /** Members who paid since the last door run: still locked, to be unlocked at once. */
  private static final double PAID_BUT_LOCKED_SHARE = 0.002;

  private static final int GREEN_DAYS = 30;
  private static final int HISTORY_DAYS = 6 * 365;
  private static final List<String> EMAIL_DOMAINS =
      List.of("example.com", "example.org", "example.net");

  private final LocalDate today;
  private final ZoneId zone;

  /**
   * @param today the club-local day the demo starts; generated history ends before it
   * @param zone the club's time zone, in which attempt times fall inside the sending window
   */
  public DemoClubGenerator(LocalDate today, ZoneId zone) {
    this.today = Objects.requireNonNull(today, "today");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * @param memberCount how many people to generate, prospects included; at least 1
   * @param seed the same seed gives the same club
   */
  public DemoData generate(ClubId clubId, int memberCount, long seed) {
    Objects.requireNonNull(clubId, "clubId");
    if (memberCount < 1) {
      throw new IllegalArgumentException("member count must be at least 1, was " + memberCount);
    }
    SplittableRandom random = new SplittableRandom(seed);
    DemoPhoneNumbers phones = new DemoPhoneNumbers(random.nextLong());
    CollectionHistory history = new CollectionHistory(today, zone);
    int idDigits = Math.max(6, String.valueOf(memberCount).length());

    List<Member> members = new ArrayList<>(memberCount);
    List<CollectionAttempt> attempts = new ArrayList<>(memberCount);
    for (int index = 1; index <= memberCount; index++) {
      MemberId id = memberId(index, idDigits);
      Member member = member(id, clubId, index, phones, random);
      members.add(member);
      attempts.addAll(history.of(member, random));
    }
    return new DemoData(members, attempts);
  }

  private Member member(
      MemberId id, ClubId clubId, int index, DemoPhoneNumbers phones, SplittableRandom random) {
    MemberStatus status = status(random);
    boolean green = status == MemberStatus.ACTIVE && random.nextDouble() < GREEN_SHARE_OF_ACTIVE;
    LocalDate joinedOn = null;
    if (status != MemberStatus.PROSPECT) {
      // Others join clear of the green boundary, so no reading of "within 30 days" differs.
      int daysAgo =
          green ? random.nextInt(GREEN_DAYS) : random.nextInt(GREEN_DAYS + 1, HISTORY_DAYS + 1);
      joinedOn = today.minusDays(daysAgo);
    }

    DemoNames.Name name = DemoNames.draw(random);
    String phone = random.nextDouble() < NO_PHONE ? null : phones.numberFor(index);
    String email =
        random.nextDouble() < NO_EMAIL
            ? null
            : name.emailLocalPart()
                + "+"
                + index
                + "@"
                + EMAIL_DOMAINS.get(random.nextInt(EMAIL_DOMAINS.size()));
    boolean optedOut = phone != null && random.nextDouble() < OPTED_OUT_SHARE_OF_PHONES;
    boolean consent = phone != null && !optedOut && random.nextDouble() < CONSENT_SHARE_OF_TEXTABLE;

    boolean billed = status != MemberStatus.PROSPECT;
    boolean staffLocked = billed && random.nextDouble() < STAFF_LOCK_SHARE_OF_MEMBERS;
    Money pastDue = Money.ZERO;
    LocalDate pastDueSince = null;
    DoorAccess door = staffLocked ? DoorAccess.LOCKED_OTHER : DoorAccess.OPEN;
    if (billed && !green && random.nextDouble() < PAST_DUE_SHARE_OF_BILLED) {
      Delinquency delinquency =
          Delinquency.draw(random, today, status, ChronoUnit.DAYS.between(joinedOn, today));
      pastDue = delinquency.amount();
      pastDueSince = delinquency.since();
      if (!staffLocked
          && delinquency.daysPastDue() > GRACE_DAYS
          && random.nextDouble() < LOCKED_SHARE_PAST_GRACE) {
        door = DoorAccess.LOCKED_FOR_PAYMENT;
      }
    } else if (billed && !staffLocked && random.nextDouble() < PAID_BUT_LOCKED_SHARE) {
      door = DoorAccess.LOCKED_FOR_PAYMENT;
    }
    return new Member(
        id,
        clubId,
        name.first(),
        name.last(),
        phone,
        email,
        status,
        joinedOn,
        pastDue,
        pastDueSince,
        consent,
        optedOut,
        door);
  }

  /** {@code M000042}: zero-padded so ids sort as numbers do. */
  private static MemberId memberId(int index, int digits) {
    String number = Integer.toString(index);
    return new MemberId("M" + "0".repeat(digits - number.length()) + number);
  }

  private static MemberStatus status(SplittableRandom random) {
    double draw = random.nextDouble();
    if (draw < PROSPECT) {
      return MemberStatus.PROSPECT;
    }
    if (draw < PROSPECT + ACTIVE) {
      return MemberStatus.ACTIVE;
    }
    if (draw < PROSPECT + ACTIVE + PPV) {
      return MemberStatus.PPV;
    }
    if (draw < PROSPECT + ACTIVE + PPV + FROZEN) {
      return MemberStatus.FROZEN;
    }
    return MemberStatus.CANCELLED;
  }
}
