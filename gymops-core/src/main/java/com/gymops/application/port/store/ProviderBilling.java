package com.gymops.application.port.store;

import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What a payment provider (Stripe, Square) tells GymOps, kept beside the members: each member's
 * customer id at the provider, the provider's events already handled, and the provider's invoices
 * with the delinquency a failed one opened (amount, since, the provider's next retry, its pay
 * link). Thread-safe.
 */
public interface ProviderBilling {
  /**
   * Sets each member's customer id at the provider; an empty id removes it. Unknown members are
   * skipped.
   */
  void putCustomerIds(Map<MemberId, String> ids, Instant now);

  /**
   * The member whose customer id is {@code customerId}; empty when none is, or when two members
   * share it (then nobody is matched rather than the wrong one).
   */
  Optional<MemberId> memberOfCustomer(String customerId);

  Optional<String> customerIdOf(MemberId member);

  /** Whether the provider's event {@code eventId} was handled to its end before. */
  boolean handled(String provider, String eventId);

  /** Marks the event handled; marking it again changes nothing. */
  void markHandled(String provider, String eventId, String type, MemberId member, Instant now);

  /**
   * Opens the delinquency of a failed invoice, or updates it: a new invoice raises the member's
   * past-due balance by its amount (the first day past due kept when there already was one, else
   * {@code invoice.since}); a known open one changes the balance only by a change of its amount and
   * takes the new attempt count, next retry and pay link (a null link keeps the one on file); one
   * already paid is left alone (the provider delivers events out of order). In one transaction, on
   * the member's locked row.
   *
   * @throws StoreException when the member does not exist
   */
  Invoice failed(FailedInvoice invoice, Instant now);

  /**
   * Records that the provider has now collected {@code paidTotal} on the invoice in all, and closes
   * it: its pay link is no longer offered. An invoice GymOps never saw fail is recorded closed, so
   * a late failed event for it changes nothing.
   */
  void paid(
      String provider,
      String invoiceId,
      MemberId member,
      Money paidTotal,
      LocalDate on,
      Instant now);

  Optional<Invoice> find(String provider, String invoiceId);

  /**
   * Keeps an invoice GymOps had the provider make for the member's delinquency
   * (docs/INTEGRATIONS.md, "Invoices made on demand"): open, of {@code amount}, with its pay link.
   * The balance is not changed: the invoice bills what the member already owes. Keeping a known
   * invoice again changes nothing.
   */
  void issued(
      String provider,
      String invoiceId,
      MemberId member,
      Money amount,
      LocalDate since,
      String payUrl,
      Instant now);

  /** Sets an open invoice's pay link (fetched from the provider after the event). */
  void setPayUrl(String provider, String invoiceId, String url, Instant now);

  /**
   * The open provider invoices of those of {@code members} that have one, the latest updated per
   * member: where the texts' pay link and the provider's next retry come from.
   */
  Map<MemberId, Invoice> openOf(Collection<MemberId> members);

  /** A failed invoice as the provider's event describes it. */
  record FailedInvoice(
      String provider,
      String invoiceId,
      MemberId member,
      Money amountDue,
      LocalDate since,
      int attemptCount,
      Instant nextRetry,
      String payUrl) {}

  /**
   * A provider invoice as GymOps keeps it.
   *
   * @param paid what the provider collected on it so far
   * @param nextRetry the provider's next automatic try, or null when it will not try again
   * @param payUrl the provider's page where the member pays it, or null
   */
  record Invoice(
      String provider,
      String invoiceId,
      MemberId member,
      Money amount,
      Money paid,
      boolean open,
      LocalDate since,
      int attemptCount,
      Instant nextRetry,
      String payUrl) {}
}
