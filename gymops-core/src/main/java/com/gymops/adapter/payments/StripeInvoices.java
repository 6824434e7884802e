package com.gymops.adapter.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.PaymentProvider;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Stripe's invoices as GymOps reads them: {@code GET /v1/invoices/{id}} with the secret key as a
 * Bearer token (https://docs.stripe.com/api/invoices/retrieve), its {@code hosted_invoice_url} the
 * member's pay link. Errors are Stripe's {@code {"error": {"type", "code", "message"}}}
 * (https://docs.stripe.com/api/errors); 429 and 5xx are retried.
 */
public final class StripeInvoices implements PaymentProvider {
  private final String baseUrl;
  private final String apiKey;
  private final ProviderHttp http;

  public StripeInvoices(String baseUrl, String apiKey, Sleeper sleeper) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.http = new ProviderHttp("Stripe", sleeper);
  }

  @Override
  public String name() {
    return "stripe";
  }

  @Override
  public Optional<String> payLink(String invoiceId) {
    JsonNode invoice =
        http.get(
            HttpRequest.newBuilder().header("Authorization", "Bearer " + apiKey),
            baseUrl + "/v1/invoices/" + URLEncoder.encode(invoiceId, StandardCharsets.UTF_8),
            StripeInvoices::errorText);
    if (invoice == null || !invoice.path("hosted_invoice_url").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(invoice.path("hosted_invoice_url").asText());
  }

  static String errorText(JsonNode body) {
    JsonNode error = body.path("error");
    return error.path("type").asText("?")
        + (error.hasNonNull("code") ? " " + error.path("code").asText() : "")
        + ": "
        + error.path("message").asText("no message");
  }
}
