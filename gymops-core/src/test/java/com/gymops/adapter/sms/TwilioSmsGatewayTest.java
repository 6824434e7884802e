package com.gymops.adapter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.SendResult;
import com.gymops.application.port.SendResult.Status;
import com.gymops.application.port.SenderProblem;
import com.gymops.config.TwilioSettings;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.fakes.FakeTwilio;
import com.gymops.fakes.FakeTwilio.Answer;
import com.gymops.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioSmsGatewayTest {
  private static final String ANA = "+14155552671";
  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

  private FakeTwilio twilio;
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private final List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void start() {
    twilio = FakeTwilio.start();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  private TwilioSettings settings(String baseUrl) {
    return new TwilioSettings(
        FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, FakeTwilio.FROM, null, baseUrl);
  }

  /** A sleeper that only moves the clock, so pacing is measured without waiting. */
  private void sleep(Duration duration) {
    slept.add(duration);
    clock.advance(duration);
  }

  private TwilioSmsGateway gateway(TwilioSettings settings, String callback, int rate) {
    return new TwilioSmsGateway(settings, callback, rate, clock, this::sleep);
  }

  private TwilioSmsGateway gateway() {
    return gateway(settings(twilio.baseUrl()), null, 1);
  }

  private static OutboundMessage text(String to, String body) {
    return new OutboundMessage(
        7,
        "key-" + to,
        new ClubId("main"),
        new MemberId("M1"),
        Channel.SMS,
        to,
        MessagePurpose.REMINDER,
        "reminder_friendly",
        null,
        body,
        1,
        MessageStatus.SENDING,
        NOW,
        NOW,
        null,
        null,
        null);
  }

  @Test
  void posts_the_form_twilio_expects_with_basic_auth_and_keeps_the_sid() {
    SendResult result =
        gateway(settings(twilio.baseUrl()), "https://gym.example.com/webhooks/twilio/status", 1)
            .send(text(ANA, "Hi Ana, a friendly reminder & thanks"));

    assertThat(result.status()).isEqualTo(Status.ACCEPTED);
    assertThat(result.providerId()).startsWith("SM").hasSize(34);
    assertThat(twilio.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path())
                  .isEqualTo("/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json");
              assertThat(request.form())
                  .containsEntry("To", ANA)
                  .containsEntry("From", FakeTwilio.FROM)
                  .containsEntry("Body", "Hi Ana, a friendly reminder & thanks")
                  .containsEntry("StatusCallback", "https://gym.example.com/webhooks/twilio/status")
                  .doesNotContainKey("MessagingServiceSid");
            });
  }

  @Test
  void a_messaging_service_sends_instead_of_a_number_and_no_callback_without_a_public_url() {
    TwilioSettings service =
        new TwilioSettings(
            FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, null, "MG123", twilio.baseUrl());

    assertThat(gateway(service, null, 1).send(text(ANA, "Hi")).status()).isEqualTo(Status.ACCEPTED);
    assertThat(twilio.requests().get(0).form())
        .containsEntry("MessagingServiceSid", "MG123")
        .doesNotContainKeys("From", "StatusCallback");
  }

  @Test
  void a_wrong_auth_token_fails_the_message_with_twilios_code() {
    TwilioSettings wrong =
        new TwilioSettings(
            FakeTwilio.ACCOUNT_SID, "wrong", FakeTwilio.FROM, null, twilio.baseUrl());

    SendResult result = gateway(wrong, null, 1).send(text(ANA, "Hi"));

    assertThat(result.status()).isEqualTo(Status.REJECTED);
    assertThat(result.error()).isEqualTo("twilio 20003: Authenticate (HTTP 401)");
  }

  @Test
  void an_unsubscribed_recipient_is_reported_as_opted_out() {
    twilio.script(ANA, Answer.optedOut());

    SendResult result = gateway().send(text(ANA, "Hi"));

    assertThat(result.status()).isEqualTo(Status.OPTED_OUT);
    assertThat(result.error()).startsWith("twilio 21610: Attempt to send to unsubscribed");
  }

  @Test
  void a_refused_sender_is_reported_with_what_is_wrong_with_it_and_twilios_code_kept() {
    twilio.script(
        ANA,
        Answer.error(400, 30034, "Message from an Unregistered Number"),
        Answer.error(400, 30032, "Toll-Free Number Has Not Been Verified"),
        Answer.error(400, 30007, "Message filtered"),
        Answer.error(400, 21606, "The From phone number is not a valid, SMS-capable number"));

    SendResult unregistered = gateway().send(text(ANA, "Hi"));
    assertThat(unregistered.status()).isEqualTo(Status.SENDER_BLOCKED);
    assertThat(unregistered.senderProblem()).isEqualTo(SenderProblem.UNREGISTERED_CAMPAIGN);
    assertThat(unregistered.providerCode()).isEqualTo(30034);
    assertThat(gateway().send(text(ANA, "Hi")).senderProblem())
        .isEqualTo(SenderProblem.UNVERIFIED_TOLL_FREE);
    assertThat(gateway().send(text(ANA, "Hi")).senderProblem())
        .isEqualTo(SenderProblem.CARRIER_FILTERED);
    assertThat(gateway().send(text(ANA, "Hi")).senderProblem())
        .isEqualTo(SenderProblem.SENDER_NOT_ALLOWED);
  }

  @Test
  void a_status_callbacks_error_code_says_the_same_about_the_sender() {
    assertThat(TwilioSmsGateway.senderProblemOf("30034"))
        .contains(SenderProblem.UNREGISTERED_CAMPAIGN);
    assertThat(TwilioSmsGateway.senderProblemOf(" 21606 "))
        .contains(SenderProblem.SENDER_NOT_ALLOWED);
    assertThat(TwilioSmsGateway.senderProblemOf("30003")).isEmpty();
    assertThat(TwilioSmsGateway.senderProblemOf(null)).isEmpty();
    assertThat(TwilioSmsGateway.senderProblemOf("unreachable")).isEmpty();
  }

  @Test
  void invalid_and_non_mobile_numbers_are_reported_unusable() {
    twilio.script(ANA, Answer.invalidNumber(), Answer.notMobile());

    assertThat(gateway().send(text(ANA, "Hi")).status()).isEqualTo(Status.UNUSABLE_ADDRESS);
    SendResult landline = gateway().send(text(ANA, "Hi"));
    assertThat(landline.status()).isEqualTo(Status.UNUSABLE_ADDRESS);
    assertThat(landline.error()).contains("21614");
  }

  @Test
  void too_many_requests_is_retried_after_the_wait_twilio_asks_for() {
    twilio.script(ANA, Answer.tooManyRequests(30));

    SendResult result = gateway().send(text(ANA, "Hi"));

    assertThat(result.status()).isEqualTo(Status.RETRY);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(result.error()).contains("20429");
  }

  @Test
  void a_server_error_is_retried() {
    twilio.script(ANA, Answer.serverError());

    assertThat(gateway().send(text(ANA, "Hi")).status()).isEqualTo(Status.RETRY);
  }

  @Test
  void any_other_client_error_fails_with_twilios_code_and_message_kept() {
    twilio.script(ANA, Answer.error(400, 21408, "Permission to send an SMS has not been enabled"));

    SendResult result = gateway().send(text(ANA, "Hi"));

    assertThat(result.status()).isEqualTo(Status.REJECTED);
    assertThat(result.error())
        .isEqualTo("twilio 21408: Permission to send an SMS has not been enabled (HTTP 400)");
  }

  @Test
  void an_unreachable_twilio_is_retried_since_nothing_was_sent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    SendResult result =
        gateway(settings("http://127.0.0.1:" + closedPort), null, 1).send(text(ANA, "Hi"));

    assertThat(result.status()).isEqualTo(Status.RETRY);
    assertThat(result.error()).startsWith("twilio unreachable");
  }

  @Test
  void no_answer_in_time_is_an_unknown_outcome_never_a_blind_retry() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer silent =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    silent.createContext(
        "/",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    silent.start();
    try {
      TwilioSmsGateway gateway =
          new TwilioSmsGateway(
              settings("http://127.0.0.1:" + silent.getAddress().getPort()),
              null,
              1,
              clock,
              this::sleep,
              Duration.ofMillis(200));

      SendResult result = gateway.send(text(ANA, "Hi"));

      assertThat(result.status()).isEqualTo(Status.UNKNOWN);
      assertThat(result.error()).startsWith("no answer from twilio");
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }

  @Test
  void texts_leave_no_faster_than_the_senders_rate() {
    TwilioSmsGateway gateway = gateway(settings(twilio.baseUrl()), null, 2);

    for (int i = 0; i < 5; i++) {
      assertThat(gateway.send(text(ANA, "Hi " + i)).status()).isEqualTo(Status.ACCEPTED);
    }

    assertThat(twilio.requests()).hasSize(5);
    assertThat(slept).hasSize(4).allMatch(pause -> pause.equals(Duration.ofMillis(500)));
  }
}
