package com.gymops.app.demo;

import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A member's current unpaid balance and the day it began.
 *
 * @param missedDues how many monthly dues fell due since {@code since}, one per 30 days begun
 */
record Delinquency(LocalDate since, int daysPastDue, Money amount, int missedDues) {

  /** Typical 24/7-club monthly dues in cents, with how often each plan is sold (per mille). */
  private static final long[] DUES_CENTS = {999, 1499, 1999, 2499, 2999, 3999, 5999};

  private static final int[] DUES_WEIGHTS = {100, 100, 200, 200, 200, 150, 50};

  private static final long LATE_FEE_CENTS = 1000;
  private static final long ANNUAL_FEE_CENTS = 4999;

  /**
   * Draws a delinquency: most are fresh (one missed due), some one to three months old, a few up to
   * six months. Each 30 days adds a missed due, so older delinquencies owe more; late fees, the
   * annual fee and cancellation buyouts make the long tail.
   *
   * @param daysSinceJoining a member cannot owe for a time before they joined
   */
  static Delinquency draw(
      SplittableRandom random, LocalDate today, MemberStatus status, long daysSinceJoining) {
    double age = random.nextDouble();
    int days;
    if (age < 0.70) {
      days = random.nextInt(0, 31);
    } else if (age < 0.92) {
      days = random.nextInt(31, 91);
    } else {
      days = random.nextInt(91, 181);
    }
    days = (int) Math.min(days, daysSinceJoining);

    int missedDues = 1 + days / 30;
    long monthlyDue = DUES_CENTS[weightedIndex(random, DUES_WEIGHTS)];
    long cents = monthlyDue * missedDues;
    if (random.nextDouble() < 0.35) {
      cents += LATE_FEE_CENTS * missedDues;
    }
    if (random.nextDouble() < 0.12) {
      cents += ANNUAL_FEE_CENTS;
    }
    if (status == MemberStatus.CANCELLED && random.nextDouble() < 0.25) {
      // An early-cancellation buyout: the single largest charge a 24/7 club bills.
      cents += random.nextInt(99, 250) * 100L;
    }
    if (random.nextDouble() < 0.10) {
      // A partial payment leaves odd cents, as real balances have.
      cents -= random.nextLong(100, monthlyDue);
    }
    return new Delinquency(today.minusDays(days), days, Money.ofCents(cents), missedDues);
  }

  private static int weightedIndex(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return i;
      }
    }
    throw new IllegalStateException("weights must be positive");
  }
}
