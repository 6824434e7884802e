package com.gymops.adapter.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.PaymentProvider;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Square's invoices as GymOps reads them: {@code GET /v2/invoices/{id}} with the access token as a
 * Bearer token and the {@code Square-Version} header
 * (https://developer.squareup.com/reference/square/invoices-api/get-invoice), its {@code
 * public_url} the member's pay link (present once the invoice is published). Errors are Square's
 * {@code {"errors": [{"category", "code", "detail"}]}}; 429 and 5xx are retried.
 */
public final class SquareInvoices implements PaymentProvider {
  private final String baseUrl;
  private final String accessToken;
  private final String version;
  private final ProviderHttp http;

  public SquareInvoices(String baseUrl, String accessToken, String version, Sleeper sleeper) {
    this.baseUrl = baseUrl;
    this.accessToken = accessToken;
    this.version = version;
    this.http = new ProviderHttp("Square", sleeper);
  }

  @Override
  public String name() {
    return "square";
  }

  @Override
  public Optional<String> payLink(String invoiceId) {
    JsonNode answer =
        http.get(
            HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + accessToken)
                .header("Square-Version", version),
            baseUrl + "/v2/invoices/" + URLEncoder.encode(invoiceId, StandardCharsets.UTF_8),
            SquareInvoices::errorText);
    if (answer == null || !answer.path("invoice").path("public_url").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(answer.path("invoice").path("public_url").asText());
  }

  static String errorText(JsonNode body) {
    JsonNode first = body.path("errors").path(0);
    return first.path("category").asText("?")
        + " "
        + first.path("code").asText("?")
        + ": "
        + first.path("detail").asText("no detail");
  }
}
