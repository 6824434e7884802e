package com.gymops.adapter.web;

import com.gymops.application.inbound.DeliveryUpdates;
import com.gymops.application.inbound.SmsReplies;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's two webhooks: inbound texts (revocations in any words, opt-ins, HELP) and delivery
 * status callbacks. Each request must carry Twilio's signature over the public URL and its form;
 * anything else is refused with 403 before it can change anything. Without an auth token or a
 * public base URL no signature can be checked, so every request is refused.
 */
final class TwilioWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhooks.class);
  static final String TWIML = "application/xml; charset=utf-8";
  static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private final Webhooks webhooks;
  private final Optional<TwilioSignature> signature;

  TwilioWebhooks(Webhooks webhooks) {
    this.webhooks = webhooks;
    this.signature = webhooks.secrets().twilio().map(TwilioSignature::new);
  }

  void inbound(Context ctx) {
    Optional<Map<String, List<String>>> form = signedForm(ctx, Webhooks.TWILIO_INBOUND);
    if (form.isEmpty()) {
      return;
    }
    SmsReplies.Reply reply =
        webhooks
            .sms()
            .receive(
                new SmsReplies.Inbound(
                    first(form.get(), "From"),
                    first(form.get(), "To"),
                    first(form.get(), "Body"),
                    first(form.get(), "MessageSid"),
                    first(form.get(), "OptOutType")));
    if (!reply.membersChanged().isEmpty()) {
      LOG.info("inbound {}: members {}", reply.meaning(), reply.membersChanged());
    }
    ctx.contentType(TWIML).result(twiml(reply.message()));
  }

  void status(Context ctx) {
    Optional<Map<String, List<String>>> form = signedForm(ctx, Webhooks.TWILIO_STATUS);
    if (form.isEmpty()) {
      return;
    }
    DeliveryUpdates.Update update =
        webhooks
            .deliveries()
            .receive(
                first(form.get(), "MessageSid"),
                first(form.get(), "MessageStatus"),
                first(form.get(), "ErrorCode"));
    // Always 200 for a signed callback: Twilio retries nothing useful on an error status, and an
    // unknown SID is not Twilio's mistake.
    ctx.result(update.name().toLowerCase(java.util.Locale.ROOT) + "\n");
  }

  /** The form when the signature holds; otherwise answers 403 and returns empty. */
  private Optional<Map<String, List<String>>> signedForm(Context ctx, String path) {
    if (signature.isEmpty() || webhooks.publicBaseUrl() == null) {
      LOG.warn("{} refused: TWILIO_AUTH_TOKEN or messaging.public_base_url is not set", path);
      ctx.status(403).result("forbidden\n");
      return Optional.empty();
    }
    String query = ctx.queryString();
    String url = webhooks.publicBaseUrl() + path + (query == null ? "" : "?" + query);
    Map<String, List<String>> form = ctx.formParamMap();
    if (!signature.get().matches(url, form, ctx.header(TwilioSignature.HEADER))) {
      ctx.status(403).result("forbidden\n");
      return Optional.empty();
    }
    return Optional.of(form);
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** TwiML with one message, or an empty response (Twilio then sends nothing). */
  static String twiml(String message) {
    if (message == null) {
      return EMPTY_TWIML;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
        + escape(message)
        + "</Message></Response>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
