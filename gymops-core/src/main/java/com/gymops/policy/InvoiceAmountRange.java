package com.gymops.policy;

import com.gymops.domain.Money;

/**
 * The amount bands of the batch-invoice summary: [0.01, 50), [50, 100), [100, 200), [200, ∞). The
 * labels are the report's keys.
 */
public enum InvoiceAmountRange {
  UNDER_50("0.01-49.99", 1),
  UNDER_100("50.00-99.99", 50_00),
  UNDER_200("100.00-199.99", 100_00),
  FROM_200("200.00+", 200_00);

  private final String label;
  private final long minCents;

  InvoiceAmountRange(String label, long minCents) {
    this.label = label;
    this.minCents = minCents;
  }

  public String label() {
    return label;
  }

  /**
   * The band of a positive amount.
   *
   * @throws IllegalArgumentException for zero, which is never invoiced
   */
  public static InvoiceAmountRange of(Money amount) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("amount " + amount + " is not invoiced");
    }
    InvoiceAmountRange[] ranges = values();
    for (int i = ranges.length - 1; i > 0; i--) {
      if (amount.cents() >= ranges[i].minCents) {
        return ranges[i];
      }
    }
    return ranges[0];
  }
}
