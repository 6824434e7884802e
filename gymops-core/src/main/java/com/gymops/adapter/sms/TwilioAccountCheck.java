package com.gymops.adapter.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.config.TwilioSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Asks Twilio whether GymOps' credentials and sender work, without sending a text: the account
 * ({@code GET /Accounts/{sid}.json}) and, for a sending number, whether the account owns it ({@code
 * IncomingPhoneNumbers.json?PhoneNumber=}). Carrier registration (10DLC, toll-free verification) is
 * not visible this way; a refused sender shows as a pause (SenderHealth).
 */
public final class TwilioAccountCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What the check found: empty {@code problem} when all is well. */
  public record Finding(String detail, String problem, String fix) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final TwilioSettings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TwilioSmsGateway.CONNECT_TIMEOUT).build();

  public TwilioAccountCheck(TwilioSettings settings) {
    this.settings = settings;
  }

  public Finding check() {
    String account = "/2010-04-01/Accounts/" + encode(settings.accountSid());
    HttpResponse<String> answer;
    try {
      answer = get(account + ".json");
    } catch (IOException e) {
      return new Finding(
          null,
          "Twilio cannot be reached at " + settings.baseUrl() + ": " + e.getMessage(),
          "check the network and TWILIO_BASE_URL");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Finding(null, "interrupted", "run it again");
    }
    if (answer.statusCode() == 401) {
      return new Finding(
          null,
          "Twilio refuses the credentials (HTTP 401)",
          "set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to the account's SID and auth token");
    }
    if (answer.statusCode() != 200) {
      return new Finding(
          null,
          "Twilio answered HTTP " + answer.statusCode() + " for the account",
          "check TWILIO_ACCOUNT_SID");
    }
    String status = field(answer.body(), "status");
    if (!"active".equals(status)) {
      return new Finding(
          null, "the Twilio account is " + status, "reactivate the account in the Twilio console");
    }
    if (settings.from() == null) {
      return new Finding(
          "credentials accepted; texts leave by messaging service "
              + settings.messagingServiceSid(),
          null,
          null);
    }
    try {
      HttpResponse<String> numbers =
          get(account + "/IncomingPhoneNumbers.json?PhoneNumber=" + encode(settings.from()));
      JsonNode owned = JSON.readTree(numbers.body()).path("incoming_phone_numbers");
      if (numbers.statusCode() == 200 && owned.isArray() && owned.isEmpty()) {
        return new Finding(
            null,
            "TWILIO_FROM " + settings.from() + " is not a number of this Twilio account",
            "set TWILIO_FROM to one of the account's numbers, or TWILIO_MESSAGING_SERVICE_SID");
      }
    } catch (IOException e) {
      return new Finding(
          "credentials accepted; the sending number could not be looked up: " + e.getMessage(),
          null,
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Finding(null, "interrupted", "run it again");
    }
    return new Finding(
        "credentials accepted; " + settings.from() + " belongs to the account", null, null);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
            .timeout(TIMEOUT)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (settings.accountSid() + ":" + settings.authToken())
                                .getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String field(String body, String name) {
    try {
      return JSON.readTree(body).path(name).asText("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
