package com.gymops.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.payments.PaymentResult;
import com.gymops.application.payments.ProviderOutcome;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * The answers of the providers' webhooks: 200 with what changed (a replay and an event GymOps does
 * not act on included, so the provider stops resending); 422 for a customer no member has (the
 * provider resends, and the event is handled once the import names the customer); 400 for a body
 * that is no such event; 403 for a missing, forged or stale signature, each with the reason.
 */
final class ProviderReply {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProviderReply() {}

  static void refused(Context ctx, int status, String reason) {
    ctx.status(status)
        .contentType(PaymentWebhook.JSON)
        .result(MAPPER.createObjectNode().put("error", reason).toString());
  }

  static void ignored(Context ctx, String type) {
    ctx.status(200)
        .contentType(PaymentWebhook.JSON)
        .result(
            MAPPER
                .createObjectNode()
                .put("status", "ignored")
                .put("detail", "GymOps does not act on " + type)
                .toString());
  }

  static void outcome(Context ctx, ProviderOutcome outcome) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
    if (outcome.memberId() != null) {
      node.put("member_id", outcome.memberId());
    }
    node.put("detail", outcome.detail());
    if (outcome.invoice() != null) {
      node.put("invoice_id", outcome.invoice().invoiceId());
      node.put("invoice_open", outcome.invoice().open());
      node.put("amount", outcome.invoice().amount().toString());
    }
    PaymentResult payment = outcome.payment();
    if (payment != null) {
      node.put("payment_id", payment.paymentId());
      node.put("payment", payment.status().name().toLowerCase(Locale.ROOT));
      if (payment.door() != null) {
        node.put("door", payment.door());
      }
      if (payment.doorRun() != null) {
        node.put("door_run", payment.doorRun());
      }
    }
    ctx.status(outcome.status() == ProviderOutcome.Status.UNKNOWN_CUSTOMER ? 422 : 200)
        .contentType(PaymentWebhook.JSON)
        .result(node.toString());
  }
}
