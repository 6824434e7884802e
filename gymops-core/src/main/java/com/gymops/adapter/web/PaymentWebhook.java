package com.gymops.adapter.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.payments.PaymentResult;
import com.gymops.application.payments.PaymentService;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.Payment;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /webhooks/payments}: the payment system reports a payment as JSON {@code
 * {"payment_id", "member_id", "amount", "paid_at"}}, signed with {@code GYMOPS_PAYMENTS_SECRET}
 * (see {@link PaymentSignature}). 200 with what changed (also for a replay, which changes nothing);
 * 403 unsigned or forged; 400 for a body that is not such a payment (an amount of $100,000 or more,
 * a field not listed here, or a {@code currency} other than the clubs' {@code USD} included); 409
 * for a payment id already recorded for another member or amount; 422 for a member GymOps does not
 * know (fix the import, then redeliver).
 */
final class PaymentWebhook {
  static final String JSON = "application/json";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * The clubs' currency: balances are dollars, so a payment in another is refused, not converted.
   */
  static final String CURRENCY = "USD";

  private static final Set<String> FIELDS =
      Set.of("payment_id", "member_id", "amount", "paid_at", "currency");

  /** A gym balance is under $100,000: anything larger is a bug or an attack, never a payment. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal(100_000);

  private final PaymentService payments;
  private final Optional<PaymentSignature> signature;

  PaymentWebhook(Webhooks webhooks) {
    this.payments = webhooks.payments();
    this.signature = webhooks.secrets().payments().map(PaymentSignature::new);
  }

  void receive(Context ctx) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    if (signature.isEmpty()
        || !signature.get().matches(body, ctx.header(PaymentSignature.HEADER))) {
      ctx.status(403).result("forbidden\n");
      return;
    }
    Payment payment;
    try {
      payment = parse(body);
    } catch (IllegalArgumentException e) {
      ctx.status(400).contentType(JSON).result(error(e.getMessage()));
      return;
    }
    PaymentResult result = payments.receive(payment);
    if (result.status() == PaymentResult.Status.CONFLICT) {
      ctx.status(409)
          .contentType(JSON)
          .result(
              error(
                  "payment_id '"
                      + payment.paymentId()
                      + "' was already recorded for another member or amount; a different"
                      + " payment needs its own id"));
      return;
    }
    ctx.status(result.status() == PaymentResult.Status.UNKNOWN_MEMBER ? 422 : 200)
        .contentType(JSON)
        .result(MAPPER.writeValueAsString(json(result)));
  }

  static Payment parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the body is not a JSON object");
    }
    Set<String> unknown = new TreeSet<>();
    root.fieldNames().forEachRemaining(unknown::add);
    unknown.removeAll(FIELDS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown field "
              + String.join(", ", unknown)
              + ": a payment has payment_id, member_id, amount, paid_at and, optionally, currency");
    }
    JsonNode currency = root.get("currency");
    if (currency != null
        && !currency.isNull()
        && !(currency.isTextual() && currency.asText().equalsIgnoreCase(CURRENCY))) {
      throw new IllegalArgumentException(
          "currency "
              + currency
              + " is not the clubs' currency: balances are in "
              + CURRENCY
              + ", and a payment is never converted");
    }
    String paymentId = text(root, "payment_id");
    String memberId = text(root, "member_id");
    JsonNode amount = root.get("amount");
    if (amount == null || !(amount.isNumber() || amount.isTextual())) {
      throw new IllegalArgumentException("amount is missing");
    }
    if (amount.isNumber() && amount.decimalValue().compareTo(MAX_AMOUNT) >= 0) {
      throw new IllegalArgumentException(tooLarge(amount.decimalValue().toString()));
    }
    Money money;
    try {
      money =
          Money.parse(amount.isNumber() ? amount.decimalValue().toPlainString() : amount.asText());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(tooLarge(amount.asText()));
    }
    if (money.cents() >= MAX_AMOUNT.movePointRight(2).longValueExact()) {
      throw new IllegalArgumentException(tooLarge(amount.asText()));
    }
    Instant paidAt;
    try {
      paidAt = OffsetDateTime.parse(text(root, "paid_at")).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("paid_at is not an ISO-8601 date-time with an offset");
    }
    return new Payment(paymentId, new MemberId(memberId), money, paidAt);
  }

  private static String tooLarge(String amount) {
    return "amount "
        + amount
        + " is too large: a gym payment is under "
        + MAX_AMOUNT.toPlainString()
        + ".00";
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isValueNode() || node.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return node.asText();
  }

  private static ObjectNode json(PaymentResult result) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("status", result.status().name().toLowerCase(Locale.ROOT));
    node.put("payment_id", result.paymentId());
    node.put("member_id", result.memberId());
    if (result.balanceBefore() != null) {
      node.put("balance_before", result.balanceBefore().toString());
      node.put("balance_after", result.balanceAfter().toString());
    }
    if (result.door() != null) {
      node.put("door", result.door());
    }
    if (result.doorRun() != null) {
      node.put("door_run", result.doorRun());
    }
    ArrayNode actions = node.putArray("actions");
    for (PaymentResult.DoorAction done : result.actions()) {
      actions
          .addObject()
          .put("action", done.action())
          .put("detail", done.detail())
          .put("outcome", done.outcome());
    }
    return node;
  }

  private static String error(String message) {
    return MAPPER.createObjectNode().put("error", message).toString();
  }
}
