package com.gymops.adapter.persistence;

import com.gymops.application.port.store.PaymentStore;
import com.gymops.application.port.store.StoreException;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.PastDue;
import com.gymops.domain.Payment;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Payments in the {@code payment} table; balances in {@code member}. */
final class JdbiPaymentStore implements PaymentStore {
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiPaymentStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  /**
   * Applies {@link PastDue#afterPayment}, the payment rule. Locks the member's row first ({@code
   * FOR UPDATE} on PostgreSQL; on SQLite the transaction's {@code BEGIN IMMEDIATE} already holds
   * the write lock), so two different payments for one member subtract one after the other; the
   * payment's primary key then decides a replay (on PostgreSQL a concurrent replay waits for the
   * first insert and finds the key taken).
   */
  @Override
  public Optional<Applied> apply(Payment payment, Instant receivedAt) {
    return jdbi.inTransaction(
        handle -> {
          PastDue before =
              handle
                  .createQuery(
                      "SELECT past_due_cents, past_due_since FROM member WHERE member_id = :id"
                          + "<row_lock>")
                  .bind("id", payment.memberId().value())
                  .map(
                      (rs, ctx) ->
                          new PastDue(
                              Money.ofCents(rs.getLong("past_due_cents")),
                              Columns.date(rs, "past_due_since")))
                  .findOne()
                  .orElseThrow(() -> new StoreException("no member '" + payment.memberId() + "'"));
          PastDue after = before.afterPayment(payment.amount());
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO payment (payment_id, member_id, amount_cents, paid_at,"
                          + " received_at, balance_before_cents, balance_after_cents)"
                          + " VALUES (:payment_id, :member_id, :amount, :paid_at, :received_at,"
                          + " :before, :after) ON CONFLICT DO NOTHING")
                  .bind("payment_id", payment.paymentId())
                  .bind("member_id", payment.memberId().value())
                  .bind("amount", payment.amount().cents())
                  .bind("paid_at", payment.paidAt())
                  .bind("received_at", receivedAt)
                  .bind("before", before.amount().cents())
                  .bind("after", after.amount().cents())
                  .execute();
          if (inserted == 0) {
            return Optional.<Applied>empty();
          }
          handle
              .createUpdate(
                  "UPDATE member SET past_due_cents = :after, past_due_since = :since,"
                      + " updated_at = :now WHERE member_id = :id")
              .bind("after", after.amount().cents())
              .bind("since", after.since())
              .bind("now", receivedAt)
              .bind("id", payment.memberId().value())
              .execute();
          return Optional.of(new Applied(before.amount(), after.amount()));
        });
  }

  @Override
  public java.util.List<Payment> ofMember(MemberId member) {
    return queries.list(
        Payment.class,
        "SELECT payment_id, member_id, amount_cents, paid_at FROM payment"
            + " WHERE member_id = ? ORDER BY paid_at, payment_id",
        member.value());
  }

  @Override
  public long count() {
    return queries.count("SELECT COUNT(*) FROM payment");
  }

  @Override
  public Optional<Payment> find(String paymentId) {
    return queries.findOne(
        Payment.class,
        "SELECT payment_id, member_id, amount_cents, paid_at FROM payment WHERE payment_id = ?",
        paymentId);
  }
}
