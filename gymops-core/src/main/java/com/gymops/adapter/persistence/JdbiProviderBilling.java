package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ProviderBilling;
import com.gymops.application.port.store.StoreException;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.PastDue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code member.payment_customer_id}, {@code provider_event} and {@code provider_invoice}
 * (V17__provider_payments.sql).
 */
final class JdbiProviderBilling implements ProviderBilling {
  private static final String INVOICE_COLUMNS =
      "provider, invoice_id, member_id, amount_cents, paid_cents, open, since, attempt_count,"
          + " next_retry_at, pay_url";

  private final Jdbi jdbi;

  JdbiProviderBilling(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void putCustomerIds(Map<MemberId, String> ids, Instant now) {
    if (ids.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        handle -> {
          PreparedBatch update =
              handle.prepareBatch(
                  "UPDATE member SET payment_customer_id = :customer WHERE member_id = :member");
          for (Map.Entry<MemberId, String> id : ids.entrySet()) {
            update
                .bind("member", id.getKey().value())
                .bind("customer", id.getValue().isEmpty() ? null : id.getValue())
                .add();
          }
          update.execute();
        });
  }

  @Override
  public Optional<MemberId> memberOfCustomer(String customerId) {
    List<String> found =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT member_id FROM member WHERE payment_customer_id = :customer"
                            + " ORDER BY member_id")
                    .bind("customer", customerId)
                    .mapTo(String.class)
                    .list());
    return found.size() == 1 ? Optional.of(new MemberId(found.get(0))) : Optional.empty();
  }

  @Override
  public Optional<String> customerIdOf(MemberId member) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT payment_customer_id FROM member WHERE member_id = :member"
                        + " AND payment_customer_id IS NOT NULL")
                .bind("member", member.value())
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public boolean handled(String provider, String eventId) {
    return jdbi.withHandle(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM provider_event WHERE provider = :provider"
                            + " AND event_id = :event")
                    .bind("provider", provider)
                    .bind("event", eventId)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  @Override
  public void markHandled(
      String provider, String eventId, String type, MemberId member, Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO provider_event (provider, event_id, event_type, member_id,"
                        + " received_at) VALUES (:provider, :event, :type, :member, :now)"
                        + " ON CONFLICT DO NOTHING")
                .bind("provider", provider)
                .bind("event", eventId)
                .bind("type", type)
                .bind("member", member == null ? null : member.value())
                .bind("now", now)
                .execute());
  }

  @Override
  public Invoice failed(FailedInvoice invoice, Instant now) {
    return jdbi.inTransaction(
        handle -> {
          PastDue balance = lockedBalance(handle, invoice.member());
          Optional<Invoice> known = find(handle, invoice.provider(), invoice.invoiceId());
          if (known.isPresent() && !known.get().open()) {
            return known.get();
          }
          long change = invoice.amountDue().cents() - known.map(i -> i.amount().cents()).orElse(0L);
          if (known.isEmpty()) {
            handle
                .createUpdate(
                    "INSERT INTO provider_invoice ("
                        + INVOICE_COLUMNS
                        + ", updated_at) VALUES (:provider, :invoice, :member, :amount, 0, TRUE,"
                        + " :since, :attempts, :retry, :url, :now)")
                .bind("provider", invoice.provider())
                .bind("invoice", invoice.invoiceId())
                .bind("member", invoice.member().value())
                .bind("amount", invoice.amountDue().cents())
                .bind("since", invoice.since())
                .bind("attempts", invoice.attemptCount())
                .bind("retry", invoice.nextRetry())
                .bind("url", invoice.payUrl())
                .bind("now", now)
                .execute();
          } else {
            handle
                .createUpdate(
                    "UPDATE provider_invoice SET amount_cents = :amount, attempt_count ="
                        + " :attempts, next_retry_at = :retry, pay_url = COALESCE(:url, pay_url),"
                        + " updated_at = :now WHERE provider = :provider AND invoice_id ="
                        + " :invoice")
                .bind("provider", invoice.provider())
                .bind("invoice", invoice.invoiceId())
                .bind("amount", invoice.amountDue().cents())
                .bind("attempts", invoice.attemptCount())
                .bind("retry", invoice.nextRetry())
                .bind("url", invoice.payUrl())
                .bind("now", now)
                .execute();
          }
          if (change != 0) {
            long after = Math.max(0, balance.amount().cents() + change);
            LocalDate since =
                after == 0
                    ? null
                    : balance.since() != null && balance.amount().isPositive()
                        ? balance.since()
                        : invoice.since();
            handle
                .createUpdate(
                    "UPDATE member SET past_due_cents = :after, past_due_since = :since,"
                        + " updated_at = :now WHERE member_id = :id")
                .bind("after", after)
                .bind("since", since)
                .bind("now", now)
                .bind("id", invoice.member().value())
                .execute();
          }
          return find(handle, invoice.provider(), invoice.invoiceId()).orElseThrow();
        });
  }

  @Override
  public void paid(
      String provider,
      String invoiceId,
      MemberId member,
      Money paidTotal,
      LocalDate on,
      Instant now) {
    jdbi.useTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "UPDATE provider_invoice SET paid_cents = :paid, open = FALSE, updated_at"
                          + " = :now WHERE provider = :provider AND invoice_id = :invoice")
                  .bind("provider", provider)
                  .bind("invoice", invoiceId)
                  .bind("paid", paidTotal.cents())
                  .bind("now", now)
                  .execute();
          if (updated == 0) {
            handle
                .createUpdate(
                    "INSERT INTO provider_invoice ("
                        + INVOICE_COLUMNS
                        + ", updated_at) VALUES (:provider, :invoice, :member, :paid, :paid,"
                        + " FALSE, :since, 0, NULL, NULL, :now) ON CONFLICT DO NOTHING")
                .bind("provider", provider)
                .bind("invoice", invoiceId)
                .bind("member", member.value())
                .bind("paid", paidTotal.cents())
                .bind("since", on)
                .bind("now", now)
                .execute();
          }
        });
  }

  @Override
  public Optional<Invoice> find(String provider, String invoiceId) {
    return jdbi.withHandle(handle -> find(handle, provider, invoiceId));
  }

  @Override
  public void issued(
      String provider,
      String invoiceId,
      MemberId member,
      Money amount,
      LocalDate since,
      String payUrl,
      Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO provider_invoice ("
                        + INVOICE_COLUMNS
                        + ", updated_at) VALUES (:provider, :invoice, :member, :amount, 0, TRUE,"
                        + " :since, 0, NULL, :url, :now) ON CONFLICT DO NOTHING")
                .bind("provider", provider)
                .bind("invoice", invoiceId)
                .bind("member", member.value())
                .bind("amount", amount.cents())
                .bind("since", since)
                .bind("url", payUrl)
                .bind("now", now)
                .execute());
  }

  @Override
  public void setPayUrl(String provider, String invoiceId, String url, Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE provider_invoice SET pay_url = :url, updated_at = :now"
                        + " WHERE provider = :provider AND invoice_id = :invoice AND open")
                .bind("provider", provider)
                .bind("invoice", invoiceId)
                .bind("url", url)
                .bind("now", now)
                .execute());
  }

  @Override
  public Map<MemberId, Invoice> openOf(Collection<MemberId> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, Invoice> open = new HashMap<>();
          handle
              .createQuery(
                  "SELECT "
                      + INVOICE_COLUMNS
                      + " FROM provider_invoice WHERE open AND member_id IN (<ids_of_json>)"
                      + " ORDER BY updated_at, invoice_id")
              .bind("ids", MemberIdsJson.of(members))
              .map((rs, context) -> invoice(rs))
              .forEach(invoice -> open.put(invoice.member(), invoice));
          return open;
        });
  }

  private static PastDue lockedBalance(Handle handle, MemberId member) {
    return handle
        .createQuery(
            "SELECT past_due_cents, past_due_since FROM member WHERE member_id = :id<row_lock>")
        .bind("id", member.value())
        .map(
            (rs, ctx) ->
                new PastDue(
                    Money.ofCents(rs.getLong("past_due_cents")),
                    Columns.date(rs, "past_due_since")))
        .findOne()
        .orElseThrow(() -> new StoreException("no member '" + member + "'"));
  }

  private static Optional<Invoice> find(Handle handle, String provider, String invoiceId) {
    return handle
        .createQuery(
            "SELECT "
                + INVOICE_COLUMNS
                + " FROM provider_invoice WHERE provider = :provider AND invoice_id = :invoice")
        .bind("provider", provider)
        .bind("invoice", invoiceId)
        .map((rs, context) -> invoice(rs))
        .findOne();
  }

  private static Invoice invoice(ResultSet rs) throws SQLException {
    return new Invoice(
        rs.getString("provider"),
        rs.getString("invoice_id"),
        new MemberId(rs.getString("member_id")),
        Money.ofCents(rs.getLong("amount_cents")),
        Money.ofCents(rs.getLong("paid_cents")),
        rs.getBoolean("open"),
        Columns.date(rs, "since"),
        rs.getInt("attempt_count"),
        Columns.instant(rs, "next_retry_at"),
        rs.getString("pay_url"));
  }
}
