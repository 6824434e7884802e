package com.gymops.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** An amount of US-style currency held as whole cents, so sums and thresholds are exact. */
public record Money(long cents) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public Money {
    if (cents < 0) {
      throw new IllegalArgumentException("money cannot be negative: " + cents + " cents");
    }
  }

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /**
   * Parses a decimal amount such as {@code 49.99}, {@code 50} or {@code 0.5}.
   *
   * @throws IllegalArgumentException when the text is not a non-negative amount with at most two
   *     decimals
   */
  public static Money parse(String text) {
    String trimmed = text.trim();
    BigDecimal value;
    try {
      // Plain decimals only: BigDecimal would also read exponents such as 1e3.
      if (trimmed.indexOf('e') >= 0 || trimmed.indexOf('E') >= 0) {
        throw new NumberFormatException();
      }
      value = new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an amount");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException("amount " + text + " is negative");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("amount " + text + " has more than two decimals");
    }
    return new Money(
        value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(cents, 2);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  public boolean isPositive() {
    return cents > 0;
  }

  public boolean isAtLeast(Money other) {
    return cents >= other.cents;
  }

  public boolean isGreaterThan(Money other) {
    return cents > other.cents;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  /**
   * {@code $1,234.50}: an amount as a person reads it, with thousands separators. Every sentence a
   * manager or staff reads (summaries, notes, approvals, the CLI, the console) says amounts so;
   * {@link #toString()} stays the plain decimal of files, JSON and run inputs.
   */
  public String dollars() {
    return "$" + grouped();
  }

  /**
   * {@code 1,234.50}: {@link #dollars()} without the sign, for a member text's {@code {amount}}.
   */
  public String grouped() {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return format.format(toBigDecimal());
  }

  /** Two decimals, no currency sign: {@code 1234.50}. */
  @Override
  public String toString() {
    return toBigDecimal().toPlainString();
  }
}
