package com.gymops.app.demo;

import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a generated club holds, in the figures a gym manager checks before a demo: who is on file,
 * who owes what, whose door is locked, who may be texted.
 *
 * @param byStatus people per status, every status present
 * @param green ACTIVE members who joined within the last 30 days
 * @param pastDueUnder50 balances in [0.01, 50), the batch-invoice summary's buckets
 */
public record DemoSummary(
    int people,
    Map<MemberStatus, Integer> byStatus,
    int green,
    int pastDue,
    Money pastDueTotal,
    int pastDueUnder50,
    int pastDue50To100,
    int pastDue100To200,
    int pastDue200AndOver,
    int lockedForPayment,
    int lockedOther,
    int optedOut,
    int withoutConsent,
    int attempts) {

  private static final int GREEN_DAYS = 30;
  private static final Money FIFTY = Money.ofCents(5_000);
  private static final Money ONE_HUNDRED = Money.ofCents(10_000);
  private static final Money TWO_HUNDRED = Money.ofCents(20_000);

  public DemoSummary {
    byStatus = Map.copyOf(byStatus);
  }

  /**
   * @param today the club-local day that decides who is still green
   */
  public static DemoSummary of(DemoData data, LocalDate today) {
    Map<MemberStatus, Integer> byStatus = new EnumMap<>(MemberStatus.class);
    for (MemberStatus status : MemberStatus.values()) {
      byStatus.put(status, 0);
    }
    int green = 0;
    int pastDue = 0;
    long pastDueCents = 0;
    int[] buckets = new int[4];
    int lockedForPayment = 0;
    int lockedOther = 0;
    int optedOut = 0;
    int withoutConsent = 0;
    for (Member member : data.members()) {
      byStatus.merge(member.status(), 1, Integer::sum);
      if (isGreen(member, today)) {
        green++;
      }
      if (member.isPastDue()) {
        pastDue++;
        pastDueCents += member.pastDue().cents();
        buckets[bucket(member.pastDue())]++;
      }
      if (member.door().isLockedForPayment()) {
        lockedForPayment++;
      } else if (member.door().equals(DoorAccess.LOCKED_OTHER)) {
        lockedOther++;
      }
      if (member.smsOptedOut()) {
        optedOut++;
      }
      if (!member.smsConsent()) {
        withoutConsent++;
      }
    }
    return new DemoSummary(
        data.members().size(),
        byStatus,
        green,
        pastDue,
        Money.ofCents(pastDueCents),
        buckets[0],
        buckets[1],
        buckets[2],
        buckets[3],
        lockedForPayment,
        lockedOther,
        optedOut,
        withoutConsent,
        data.attempts().size());
  }

  /** A few aligned lines, for the terminal after {@code gymops demo}. */
  public String render() {
    return String.join(
        "\n",
        line(
            "People",
            people,
            "%s prospects, %s pay-per-visit, %s frozen, %s cancelled",
            count(MemberStatus.PROSPECT),
            count(MemberStatus.PPV),
            count(MemberStatus.FROZEN),
            count(MemberStatus.CANCELLED)),
        line(
            "Active",
            byStatus.get(MemberStatus.ACTIVE),
            "%s joined in the last 30 days",
            number(green)),
        line("Past due", pastDue, "owing %s in total", dollars(pastDueTotal)),
        line(
            "  by amount",
            pastDue,
            "under $50: %s, $50-$100: %s, $100-$200: %s, $200 and over: %s",
            number(pastDueUnder50),
            number(pastDue50To100),
            number(pastDue100To200),
            number(pastDue200AndOver)),
        line(
            "Doors locked",
            lockedForPayment + lockedOther,
            "%s for payment, %s by staff",
            number(lockedForPayment),
            number(lockedOther)),
        line(
            "No marketing",
            withoutConsent,
            "without texting consent, %s of them opted out of all texts (STOP)",
            number(optedOut)),
        line("Contacts", attempts, "reminders and invoices already on file"));
  }

  private static boolean isGreen(Member member, LocalDate today) {
    return member.status() == MemberStatus.ACTIVE
        && member.joinedOn() != null
        && !member.joinedOn().isAfter(today)
        && ChronoUnit.DAYS.between(member.joinedOn(), today) <= GREEN_DAYS;
  }

  private static int bucket(Money amount) {
    if (amount.compareTo(FIFTY) < 0) {
      return 0;
    }
    if (amount.compareTo(ONE_HUNDRED) < 0) {
      return 1;
    }
    return amount.compareTo(TWO_HUNDRED) < 0 ? 2 : 3;
  }

  private String count(MemberStatus status) {
    return number(byStatus.get(status));
  }

  /** A label, a right-aligned figure and what it is made of. */
  private static String line(String label, int figure, String detail, Object... args) {
    return String.format(
        Locale.US, "%-13s%9s   %s", label, number(figure), String.format(Locale.US, detail, args));
  }

  private static String number(int value) {
    return String.format(Locale.US, "%,d", value);
  }

  private static String dollars(Money money) {
    return money.dollars();
  }
}
