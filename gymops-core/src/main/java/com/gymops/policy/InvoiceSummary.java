package com.gymops.policy;

import com.gymops.domain.Money;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The batch-invoices summary: invoices queued, their total, and the split by {@link
 * InvoiceAmountRange}. Whether an invoice then failed to send is the outbox's to tell (the
 * dispatcher sends it later), not the run's.
 */
public record InvoiceSummary(Map<InvoiceAmountRange, Band> byAmountRange) implements RunSummary {
  /** The invoices of one amount range and their total. */
  public record Band(int count, Money amount) {
    public static final Band NONE = new Band(0, Money.ZERO);

    public Band {
      Objects.requireNonNull(amount, "amount");
    }

    Band plus(Money invoiced) {
      return new Band(count + 1, amount.plus(invoiced));
    }
  }

  /** Every range, in order, the empty ones as {@link Band#NONE}. */
  public InvoiceSummary {
    Map<InvoiceAmountRange, Band> all = new EnumMap<>(InvoiceAmountRange.class);
    for (InvoiceAmountRange range : InvoiceAmountRange.values()) {
      all.put(range, byAmountRange.getOrDefault(range, Band.NONE));
    }
    byAmountRange = java.util.Collections.unmodifiableMap(all);
  }

  /** The invoices among {@code actions}. */
  public static InvoiceSummary of(List<Action> actions) {
    Map<InvoiceAmountRange, Band> bands = new EnumMap<>(InvoiceAmountRange.class);
    for (Action action : actions) {
      if (action.effect() instanceof Effect.SendInvoice invoice) {
        bands.merge(
            InvoiceAmountRange.of(invoice.amount()),
            Band.NONE.plus(invoice.amount()),
            (band, one) -> band.plus(invoice.amount()));
      }
    }
    return new InvoiceSummary(bands);
  }

  public int invoicesQueued() {
    return byAmountRange.values().stream().mapToInt(Band::count).sum();
  }

  public Money totalAmount() {
    return byAmountRange.values().stream().map(Band::amount).reduce(Money.ZERO, Money::plus);
  }

  @Override
  public InvoiceSummary recount(List<Action> carriedOut) {
    return of(carriedOut);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.invoices(this);
  }
}
