package com.gymops.adapter.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.Sleeper;
import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.application.port.SenderProblem;
import com.gymops.config.TwilioSettings;
import com.gymops.domain.OutboundMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends texts through Twilio's Messages API ({@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json}), one per call, paced to the sender's rate. Twilio's
 * answers become the dispatcher's: 21610 (recipient replied STOP) opts the member out, 21211/21614
 * mark the number unusable, 30034/30032/30007/21606 (the sender itself is refused) pause the
 * sender, 429 and 5xx are retried later, any other 4xx fails the message with Twilio's code and
 * message. Thread-safe.
 */
public final class TwilioSmsGateway implements MessageGateway {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwilioSettings settings;
  private final String statusCallback;
  private final SenderPacer pacer;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final URI messagesUri;
  private final String authorization;

  /**
   * @param statusCallback where Twilio posts delivery updates, or null when GymOps is not reachable
   *     from the internet
   */
  public TwilioSmsGateway(
      TwilioSettings settings,
      String statusCallback,
      int ratePerSecond,
      Clock clock,
      Sleeper sleeper) {
    this(settings, statusCallback, ratePerSecond, clock, sleeper, REQUEST_TIMEOUT);
  }

  TwilioSmsGateway(
      TwilioSettings settings,
      String statusCallback,
      int ratePerSecond,
      Clock clock,
      Sleeper sleeper,
      Duration requestTimeout) {
    this.settings = settings;
    this.statusCallback = statusCallback;
    this.pacer = new SenderPacer(ratePerSecond, clock, sleeper);
    this.requestTimeout = requestTimeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.messagesUri =
        URI.create(
            settings.baseUrl()
                + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8)
                + "/Messages.json");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.accountSid() + ":" + settings.authToken())
                        .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public SendResult send(OutboundMessage message) {
    try {
      pacer.awaitTurn();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.retry("interrupted before sending");
    }
    HttpRequest request =
        HttpRequest.newBuilder(messagesUri)
            .timeout(requestTimeout)
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(message)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      // Nothing reached Twilio: safe to try again.
      return SendResult.retry("twilio unreachable: " + describe(e));
    } catch (IOException e) {
      // The request may have reached Twilio and been sent; only its log can tell.
      return SendResult.unknown("no answer from twilio: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.unknown("interrupted while waiting for twilio");
    }
    return interpret(response);
  }

  private SendResult interpret(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200 || status == 201) {
      return SendResult.accepted(sid(response.body()));
    }
    TwilioError error = TwilioError.parse(JSON, status, response.body());
    if (status == 429) {
      return SendResult.retryAfter(error.describe(), retryAfter(response).orElse(null));
    }
    if (status >= 500) {
      return SendResult.retry(error.describe());
    }
    Optional<SenderProblem> senderProblem = TwilioError.senderProblem(error.code());
    if (senderProblem.isPresent()) {
      return SendResult.senderBlocked(senderProblem.get(), error.code(), error.describe());
    }
    return switch (error.code()) {
      case TwilioError.UNSUBSCRIBED_RECIPIENT -> SendResult.optedOut(error.describe());
      case TwilioError.INVALID_TO_NUMBER, TwilioError.NOT_A_MOBILE_NUMBER ->
          SendResult.unusableAddress(error.describe());
      default -> SendResult.rejected(error.describe());
    };
  }

  /**
   * What Twilio's error code (as its status callbacks send it, text) says about the sender: the
   * callbacks report sender refusals with the same codes as its API.
   */
  public static Optional<SenderProblem> senderProblemOf(String twilioErrorCode) {
    try {
      return twilioErrorCode == null
          ? Optional.empty()
          : TwilioError.senderProblem(Integer.parseInt(twilioErrorCode.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String sender() {
    return settings.messagingServiceSid() != null
        ? settings.messagingServiceSid()
        : settings.from();
  }

  private String form(OutboundMessage message) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("To", message.recipient());
    if (settings.messagingServiceSid() != null) {
      fields.put("MessagingServiceSid", settings.messagingServiceSid());
    } else {
      fields.put("From", settings.from());
    }
    fields.put("Body", message.body());
    if (statusCallback != null) {
      fields.put("StatusCallback", statusCallback);
    }
    return fields.entrySet().stream()
        .map(
            field ->
                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String sid(String body) {
    try {
      return JSON.readTree(body).path("sid").asText(null);
    } catch (IOException e) {
      // Accepted all the same: Twilio said 201. The SID only serves status callbacks.
      return null;
    }
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
