package com.gymops.app;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.adapter.web.PaymentSignature;
import com.gymops.adapter.web.TwilioSignature;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.Stores;
import com.gymops.application.run.EffectKeys;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.InboundMeaning;
import com.gymops.domain.InboundText;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.domain.NotePriority;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.policy.DoorAccessPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhooks and the door export over real HTTP (Javalin on a free port) on the embedded
 * database, wired by the composition root as {@code serve} wires them.
 */
class WebhooksTest {
  private static final String BASE = "https://gym.example.com";
  private static final String TWILIO_TOKEN = "twilio-auth-token";
  private static final String PAYMENTS_SECRET = "payments-secret";
  private static final String EXPORT_TOKEN = "export-token";

  /** 11:00 in New York: inside the sending window. */
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private GymOpsApp app;
  private OpsServer server;
  private Stores stores;

  @BeforeEach
  void start() {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, name: Main Club, timezone: America/New_York,"
                + " manager: {phone: '+12125559999', email: manager@example.com}}]\n"
                + "messaging: {public_base_url: '"
                + BASE
                + "'}\n",
            Map.of(
                "TWILIO_AUTH_TOKEN", TWILIO_TOKEN,
                "GYMOPS_PAYMENTS_SECRET", PAYMENTS_SECRET,
                "GYMOPS_DOOR_EXPORT_TOKEN", EXPORT_TOKEN),
            ZoneId.of("UTC"));
    app = GymOpsApp.open(config, directory, Clock.fixed(NOW, ZoneOffset.UTC));
    stores = app.stores();
    server = OpsServer.start(0, List::of, () -> "", app.webhooks());
  }

  @AfterEach
  void stop() {
    server.close();
    app.close();
  }

  private void add(Member... members) {
    stores.members().upsertAll(List.of(members), NOW);
  }

  private Member member(String id) {
    return stores.members().find(new MemberId(id)).orElseThrow();
  }

  @Nested
  class Inbound {
    private static final String PHONE = "+14155550101";

    @BeforeEach
    void member() {
      add(aMember().withId("m1").withPhone(PHONE).build());
    }

    @Test
    void an_unsigned_or_forged_stop_is_refused_and_changes_nothing() throws Exception {
      Map<String, String> form = Map.of("From", PHONE, "Body", "STOP");

      assertThat(postForm("/webhooks/twilio/inbound", form, null).statusCode()).isEqualTo(403);
      assertThat(postForm("/webhooks/twilio/inbound", form, "bm90IGEgc2lnbmF0dXJl").statusCode())
          .isEqualTo(403);
      String signedForOtherBody =
          sign("/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", "HI"));
      assertThat(postForm("/webhooks/twilio/inbound", form, signedForOtherBody).statusCode())
          .isEqualTo(403);
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isFalse();
    }

    @Test
    void a_signed_stop_opts_the_member_out_and_the_dispatcher_then_suppresses_their_texts()
        throws Exception {
      long queued = queueText("m1", PHONE, MessagePurpose.ACCESS, "queued-before-stop");

      HttpResponse<String> response =
          signedPost("/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", " stop "));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("<Response/>");
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isTrue();
      app.dispatcher().dispatch(NOW);
      assertThat(stores.outbox().find(queued).orElseThrow().status())
          .isEqualTo(MessageStatus.SUPPRESSED);
    }

    @Test
    void every_member_on_the_number_is_opted_out_at_once_and_start_opts_them_back_in()
        throws Exception {
      add(aMember().withId("m2").withPhone(PHONE).build());

      signedPost("/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", "UNSUBSCRIBE"));
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isTrue();
      assertThat(WebhooksTest.this.member("m2").smsOptedOut()).isTrue();

      HttpResponse<String> start =
          signedPost("/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", "Start"));
      assertThat(start.statusCode()).isEqualTo(200);
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isFalse();
      assertThat(WebhooksTest.this.member("m2").smsOptedOut()).isFalse();
    }

    @Test
    void help_answers_with_the_club_and_the_managers_contact() throws Exception {
      HttpResponse<String> response =
          signedPost("/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", "HELP"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
      assertThat(response.body())
          .contains("<Response><Message>Main Club")
          .contains("+12125559999")
          .contains("manager@example.com")
          .endsWith("</Message></Response>");
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isFalse();
    }

    @Test
    void a_revocation_in_plain_words_opts_out_and_is_confirmed_once() throws Exception {
      Map<String, String> form =
          Map.of("From", PHONE, "Body", "Please stop texting me!", "MessageSid", "SM-plain-1");

      HttpResponse<String> first = signedPost("/webhooks/twilio/inbound", form);
      HttpResponse<String> retried = signedPost("/webhooks/twilio/inbound", form);
      HttpResponse<String> again =
          signedPost(
              "/webhooks/twilio/inbound",
              Map.of("From", PHONE, "Body", "opt out", "MessageSid", "SM-plain-2"));

      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isTrue();
      assertThat(first.body())
          .isEqualTo(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Main Club: you are"
                  + " unsubscribed and will get no more texts. Reply START to"
                  + " resubscribe.</Message></Response>");
      assertThat(retried.body()).contains("<Response/>");
      assertThat(again.body()).contains("<Response/>");
      assertThat(stores.inbound().from(PHONE))
          .extracting(InboundText::key, InboundText::meaning)
          .containsExactlyInAnyOrder(
              tuple("SM-plain-1", InboundMeaning.OPT_OUT),
              tuple("SM-plain-2", InboundMeaning.OPT_OUT));
    }

    @Test
    void a_spanish_baja_opts_out_and_yes_opts_back_in() throws Exception {
      HttpResponse<String> baja =
          signedPost("/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", "BAJA"));
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isTrue();
      assertThat(baja.body()).contains("unsubscribed");

      HttpResponse<String> yes =
          signedPost("/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", "YES"));
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isFalse();
      // Twilio answers YES itself on every number.
      assertThat(yes.body()).contains("<Response/>");
    }

    @Test
    void advanced_opt_out_is_honoured_and_not_confirmed_a_second_time() throws Exception {
      HttpResponse<String> response =
          signedPost(
              "/webhooks/twilio/inbound",
              Map.of("From", PHONE, "Body", "arret", "OptOutType", "STOP"));

      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isTrue();
      assertThat(response.body()).contains("<Response/>");
    }

    @Test
    void an_ambiguous_text_opts_out_of_what_it_answers_and_raises_a_review_note() throws Exception {
      long bill = queueText("m1", PHONE, MessagePurpose.REMINDER, "reminder-sent");
      stores.outbox().markSent(bill, NOW.minusSeconds(3600), "SM-out-1");
      long nextReminder = queueText("m1", PHONE, MessagePurpose.REMINDER, "reminder-next");
      long doorText = queueText("m1", PHONE, MessagePurpose.ACCESS, "access-next");

      HttpResponse<String> response =
          signedPost(
              "/webhooks/twilio/inbound",
              Map.of("From", PHONE, "Body", "stop sending me bills, I paid", "MessageSid", "SM-a"));

      assertThat(response.body())
          .contains(
              "Main Club: you will get no more payment reminder texts. Reply STOP to stop all"
                  + " texts, START to get them again.");
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isFalse();
      assertThat(stores.notes().ofMember(new MemberId("m1")))
          .singleElement()
          .satisfies(
              note -> {
                assertThat(note.priority()).isEqualTo(NotePriority.HIGH);
                assertThat(note.text()).contains("stop sending me bills, I paid");
              });
      app.dispatcher().dispatch(NOW);
      assertThat(stores.outbox().find(nextReminder).orElseThrow().status())
          .isEqualTo(MessageStatus.SUPPRESSED);
      assertThat(stores.outbox().find(doorText).orElseThrow().status())
          .as("the log gateway writes it down: logged, not sent")
          .isEqualTo(MessageStatus.LOGGED);
      assertThat(stores.inbound().from(PHONE))
          .singleElement()
          .satisfies(text -> assertThat(text.scope()).isEqualTo(MessagePurpose.REMINDER));
    }

    @Test
    void free_text_is_stored_and_left_for_the_manager_unanswered() throws Exception {
      HttpResponse<String> response =
          signedPost(
              "/webhooks/twilio/inbound", Map.of("From", PHONE, "Body", "What time do you open?"));

      assertThat(response.body()).contains("<Response/>");
      assertThat(stores.inbound().from(PHONE))
          .singleElement()
          .satisfies(text -> assertThat(text.meaning()).isEqualTo(InboundMeaning.OTHER));
      assertThat(stores.notes().ofMember(new MemberId("m1")))
          .singleElement()
          .satisfies(note -> assertThat(note.text()).contains("What time do you open?"));
    }

    @Test
    void an_unknown_number_gets_empty_twiml_and_changes_nothing() throws Exception {
      HttpResponse<String> response =
          signedPost("/webhooks/twilio/inbound", Map.of("From", "+19995550000", "Body", "STOP"));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("<Response/>");
      assertThat(WebhooksTest.this.member("m1").smsOptedOut()).isFalse();
    }
  }

  @Nested
  class StatusCallback {
    private static final String PHONE = "+14155550102";

    @BeforeEach
    void member() {
      add(aMember().withId("s1").withPhone(PHONE).build());
    }

    @Test
    void delivered_marks_the_message_and_its_attempt_and_a_late_sent_does_not_undo_it()
        throws Exception {
      long id = sentReminder("reminder-1", "SM0001");

      HttpResponse<String> delivered = status("SM0001", "delivered", null);
      assertThat(delivered.statusCode()).isEqualTo(200);
      assertThat(delivered.body()).contains("delivered");
      assertThat(stores.outbox().find(id).orElseThrow().status())
          .isEqualTo(MessageStatus.DELIVERED);
      assertThat(outcomes()).containsExactly(AttemptOutcome.DELIVERED);

      assertThat(status("SM0001", "sent", null).statusCode()).isEqualTo(200);
      assertThat(status("SM0001", "failed", "30003").body()).contains("unchanged");
      assertThat(status("SM0001", "delivered", null).body()).contains("unchanged");
      assertThat(stores.outbox().find(id).orElseThrow().status())
          .isEqualTo(MessageStatus.DELIVERED);
      assertThat(outcomes()).containsExactly(AttemptOutcome.DELIVERED);
    }

    @Test
    void undelivered_fails_the_message_with_the_error_code_and_fails_the_attempt()
        throws Exception {
      long id = sentReminder("reminder-2", "SM0002");

      assertThat(status("SM0002", "undelivered", "30005").statusCode()).isEqualTo(200);

      OutboundMessage message = stores.outbox().find(id).orElseThrow();
      assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
      assertThat(message.error()).contains("30005").contains("undelivered");
      assertThat(outcomes()).containsExactly(AttemptOutcome.FAILED);
    }

    @Test
    void an_unregistered_sender_reported_by_callback_pauses_texts_and_alerts_the_manager_once()
        throws Exception {
      sentReminder("reminder-4", "SM0004");
      sentReminder("reminder-5", "SM0005");
      long waiting = queueText("s1", PHONE, MessagePurpose.ACCESS, "after-the-refusal");

      status("SM0004", "undelivered", "30034");
      status("SM0005", "undelivered", "30034");

      assertThat(stores.senderPauses().all())
          .singleElement()
          .satisfies(pause -> assertThat(pause.errorCode()).isEqualTo(30034));

      app.dispatcher().dispatch(NOW);

      assertThat(stores.senderPauses().all()).as("the test send lifted the pause").isEmpty();
      assertThat(stores.outbox().find(waiting).orElseThrow().status())
          .as("the first waiting text is the test send; the log gateway writes it down")
          .isEqualTo(MessageStatus.LOGGED);
      assertThat(stores.outbox().countByStatus().values().stream().mapToLong(Long::longValue).sum())
          .as("two reminders, the waiting text and one alert")
          .isEqualTo(4);
    }

    @Test
    void a_forged_callback_is_refused_and_an_unknown_sid_changes_nothing() throws Exception {
      long id = sentReminder("reminder-3", "SM0003");

      Map<String, String> form = Map.of("MessageSid", "SM0003", "MessageStatus", "delivered");
      assertThat(postForm("/webhooks/twilio/status", form, null).statusCode()).isEqualTo(403);
      assertThat(status("SM9999", "delivered", null).body()).contains("unknown_message");
      assertThat(stores.outbox().find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
      assertThat(outcomes()).containsExactly(AttemptOutcome.SENT);
    }

    private long sentReminder(String key, String sid) {
      long id = queueText("s1", PHONE, MessagePurpose.REMINDER, key);
      stores
          .attempts()
          .addAll(
              List.of(
                  new KeyedAttempt(
                      new CollectionAttempt(
                          new MemberId("s1"),
                          NOW,
                          AttemptKind.FRIENDLY,
                          Channel.SMS,
                          AttemptOutcome.SENT),
                      EffectKeys.attempt(key),
                      null)));
      stores.outbox().claim(id, NOW);
      stores.outbox().markSent(id, NOW, sid);
      return id;
    }

    private List<AttemptOutcome> outcomes() {
      return stores.attempts().ofMember(new MemberId("s1")).stream()
          .map(CollectionAttempt::outcome)
          .toList();
    }

    private HttpResponse<String> status(String sid, String status, String errorCode)
        throws Exception {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("MessageSid", sid);
      form.put("MessageStatus", status);
      form.put("AccountSid", "AC123");
      if (errorCode != null) {
        form.put("ErrorCode", errorCode);
      }
      return signedPost("/webhooks/twilio/status", form);
    }
  }

  @Nested
  class Payments {
    @BeforeEach
    void lockedMember() {
      add(
          aMember()
              .withId("p1")
              .withPhone("+14155550103")
              .withBalance("80.00", LocalDate.of(2026, 1, 20))
              .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
              .build());
    }

    @Test
    void a_payment_for_a_locked_member_unlocks_and_queues_the_restored_message_at_once()
        throws Exception {
      HttpResponse<String> response = pay(payment("pay-1", "p1", "80.00"));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.get("status").asText()).isEqualTo("recorded");
      assertThat(body.get("balance_before").asText()).isEqualTo("80.00");
      assertThat(body.get("balance_after").asText()).isEqualTo("0.00");
      assertThat(body.get("door").asText()).isEqualTo("ACTIVE");
      assertThat(body.get("actions")).hasSize(3);
      Member paid = member("p1");
      assertThat(paid.door()).isEqualTo(DoorAccess.OPEN);
      assertThat(paid.pastDue()).isEqualTo(Money.ZERO);
      assertThat(paid.pastDueSince()).isNull();
      List<OutboundMessage> messages = stores.outbox().ofMember(new MemberId("p1"));
      assertThat(messages)
          .singleElement()
          .satisfies(
              message -> {
                assertThat(message.templateKey()).isEqualTo(DoorAccessPolicy.RESTORED_TEMPLATE);
                assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
                assertThat(message.notBefore()).isEqualTo(NOW);
              });
      assertThat(stores.notes().ofMember(new MemberId("p1")))
          .singleElement()
          .satisfies(note -> assertThat(note.text()).contains("Access restored"));
    }

    @Test
    void a_replayed_payment_changes_nothing() throws Exception {
      String body = payment("pay-2", "p1", "30.00");
      assertThat(pay(body).statusCode()).isEqualTo(200);
      assertThat(member("p1").pastDue()).isEqualTo(Money.parse("50.00"));

      HttpResponse<String> replay = pay(body);

      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(replay.body()).get("status").asText()).isEqualTo("replay");
      assertThat(member("p1").pastDue()).isEqualTo(Money.parse("50.00"));
      assertThat(stores.payments().count()).isEqualTo(1);
    }

    @Test
    void a_resent_payment_whose_first_delivery_died_before_the_door_run_unlocks_the_member()
        throws Exception {
      // The first delivery was recorded, then the process died before the member's door run and
      // before answering, so the payment system sends the same payment again.
      String body = payment("pay-5", "p1", "80.00");
      stores
          .payments()
          .apply(
              new Payment(
                  "pay-5",
                  new MemberId("p1"),
                  Money.parse("80.00"),
                  Instant.parse("2026-03-10T14:59:00Z")),
              NOW);
      assertThat(member("p1").door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);

      HttpResponse<String> resent = pay(body);

      assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(resent.body());
      assertThat(answer.get("status").asText()).isEqualTo("replay");
      assertThat(answer.get("door").asText()).isEqualTo("ACTIVE");
      assertThat(member("p1").door()).isEqualTo(DoorAccess.OPEN);
      assertThat(member("p1").pastDue()).isEqualTo(Money.ZERO);
      assertThat(stores.payments().count()).isEqualTo(1);
      assertThat(stores.outbox().ofMember(new MemberId("p1")))
          .singleElement()
          .satisfies(
              message ->
                  assertThat(message.templateKey()).isEqualTo(DoorAccessPolicy.RESTORED_TEMPLATE));

      pay(body);
      assertThat(stores.outbox().ofMember(new MemberId("p1"))).hasSize(1);
    }

    @Test
    void a_payment_id_reused_for_another_member_or_amount_is_a_conflict() throws Exception {
      add(aMember().withId("p2").withBalance("40.00", LocalDate.of(2026, 1, 20)).build());
      assertThat(pay(payment("pay-9", "p1", "30.00")).statusCode()).isEqualTo(200);

      HttpResponse<String> otherMember = pay(payment("pay-9", "p2", "30.00"));
      HttpResponse<String> otherAmount = pay(payment("pay-9", "p1", "31.00"));

      assertThat(otherMember.statusCode()).isEqualTo(409);
      assertThat(JSON.readTree(otherMember.body()).get("error").asText())
          .isEqualTo(
              "payment_id 'pay-9' was already recorded for another member or amount; a different"
                  + " payment needs its own id");
      assertThat(otherAmount.statusCode()).isEqualTo(409);
      assertThat(member("p2").pastDue()).isEqualTo(Money.parse("40.00"));
      assertThat(member("p1").pastDue()).isEqualTo(Money.parse("50.00"));
    }

    @Test
    void an_amount_no_gym_balance_reaches_is_a_bad_request_not_a_server_error() throws Exception {
      HttpResponse<String> huge = pay(payment("pay-h", "p1", "1e30"));
      HttpResponse<String> justOver = pay(payment("pay-o", "p1", "\"100000.00\""));
      HttpResponse<String> longDigits = pay(payment("pay-d", "p1", "\"99999999999999999999\""));

      assertThat(huge.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(huge.body()).get("error").asText())
          .isEqualTo("amount 1E+30 is too large: a gym payment is under 100000.00");
      assertThat(justOver.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(justOver.body()).get("error").asText())
          .isEqualTo("amount 100000.00 is too large: a gym payment is under 100000.00");
      assertThat(longDigits.statusCode()).isEqualTo(400);
      assertThat(stores.payments().count()).isZero();
    }

    @Test
    void a_partial_payment_lowers_the_balance_and_leaves_the_door_locked() throws Exception {
      HttpResponse<String> response = pay(payment("pay-3", "p1", "30.00"));

      JsonNode body = JSON.readTree(response.body());
      assertThat(body.get("door").asText()).isEqualTo("LOCKED_PAYMENT");
      assertThat(body.get("actions")).isEmpty();
      assertThat(member("p1").door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
      assertThat(member("p1").pastDueSince()).isEqualTo(LocalDate.of(2026, 1, 20));
      assertThat(stores.outbox().ofMember(new MemberId("p1"))).isEmpty();
    }

    @Test
    void a_forged_or_unsigned_payment_is_refused_and_changes_nothing() throws Exception {
      String body = payment("pay-4", "p1", "80.00");

      assertThat(post("/webhooks/payments", body, Map.of()).statusCode()).isEqualTo(403);
      assertThat(
              post(
                      "/webhooks/payments",
                      body,
                      Map.of(
                          PaymentSignature.HEADER, new PaymentSignature("guessed").of(bytes(body))))
                  .statusCode())
          .isEqualTo(403);
      assertThat(stores.payments().count()).isZero();
      assertThat(member("p1").door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
      assertThat(member("p1").pastDue()).isEqualTo(Money.parse("80.00"));
    }

    @Test
    void a_malformed_payment_is_a_bad_request_and_an_unknown_member_is_unprocessable()
        throws Exception {
      assertThat(pay("{\"payment_id\": \"x\"}").statusCode()).isEqualTo(400);
      assertThat(pay(payment("pay-5", "nobody", "10.00")).statusCode()).isEqualTo(422);
      assertThat(stores.payments().count()).isZero();
    }

    @Test
    void a_payment_in_another_currency_is_refused_with_the_reason_and_changes_nothing()
        throws Exception {
      String euros =
          "{\"payment_id\": \"pay-e\", \"member_id\": \"p1\", \"amount\": 80.00,"
              + " \"currency\": \"EUR\", \"paid_at\": \"2026-03-10T14:59:00Z\"}";

      HttpResponse<String> response = pay(euros);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("error").asText())
          .startsWith("currency \"EUR\" is not the clubs' currency");
      assertThat(stores.payments().count()).isZero();
      assertThat(member("p1").pastDue()).isEqualTo(Money.parse("80.00"));
      assertThat(member("p1").door()).isEqualTo(DoorAccess.LOCKED_FOR_PAYMENT);
    }

    @Test
    void a_payment_in_dollars_may_say_so_but_an_unknown_field_is_refused() throws Exception {
      String dollars =
          "{\"payment_id\": \"pay-u\", \"member_id\": \"p1\", \"amount\": 30.00,"
              + " \"currency\": \"USD\", \"paid_at\": \"2026-03-10T14:59:00Z\"}";
      String extra =
          "{\"payment_id\": \"pay-x\", \"member_id\": \"p1\", \"amount\": 30.00,"
              + " \"fx_rate\": 1.1, \"paid_at\": \"2026-03-10T14:59:00Z\"}";

      assertThat(pay(dollars).statusCode()).isEqualTo(200);
      HttpResponse<String> refused = pay(extra);

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).get("error").asText())
          .startsWith("unknown field fx_rate");
      assertThat(member("p1").pastDue()).isEqualTo(Money.parse("50.00"));
    }

    @Test
    void webhook_answers_forbid_content_sniffing() throws Exception {
      HttpResponse<String> answer = pay(payment("pay-n", "p1", "10.00"));
      HttpResponse<String> forbidden = post("/webhooks/payments", "{}", Map.of());

      assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(forbidden.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private String payment(String paymentId, String memberId, String amount) {
      return "{\"payment_id\": \""
          + paymentId
          + "\", \"member_id\": \""
          + memberId
          + "\", \"amount\": "
          + amount
          + ", \"paid_at\": \"2026-03-10T14:59:00Z\"}";
    }

    private HttpResponse<String> pay(String body) throws Exception {
      return post(
          "/webhooks/payments",
          body,
          Map.of(PaymentSignature.HEADER, new PaymentSignature(PAYMENTS_SECRET).of(bytes(body))));
    }
  }

  @Nested
  class DoorExport {
    @BeforeEach
    void members() {
      add(
          aMember().withId("e1").build(),
          aMember().withId("e2").withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build(),
          aMember().withId("e3").build());
    }

    @Test
    void the_export_needs_its_token() throws Exception {
      assertThat(get("/api/door-access/export", null).statusCode()).isEqualTo(401);
      assertThat(get("/api/door-access/export", "Bearer wrong").statusCode()).isEqualTo(401);
      assertThat(get("/api/door-access/export", EXPORT_TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void pages_through_every_members_door_state() throws Exception {
      HttpResponse<String> first = get("/api/door-access/export?limit=2", "Bearer " + EXPORT_TOKEN);

      assertThat(first.statusCode()).isEqualTo(200);
      JsonNode page = JSON.readTree(first.body());
      assertThat(page.get("members")).hasSize(2);
      JsonNode locked = page.get("members").get(1);
      assertThat(locked.get("member_id").asText()).isEqualTo("e2");
      assertThat(locked.get("club_id").asText()).isEqualTo("main");
      assertThat(locked.get("door").asText()).isEqualTo("LOCKED");
      assertThat(locked.get("lock_reason").asText()).isEqualTo("PAYMENT");
      assertThat(page.get("next").asText()).isEqualTo("e2");

      JsonNode last =
          JSON.readTree(
              get("/api/door-access/export?limit=2&after=e2", "Bearer " + EXPORT_TOKEN).body());
      assertThat(last.get("members")).hasSize(1);
      assertThat(last.get("members").get(0).get("door").asText()).isEqualTo("ACTIVE");
      assertThat(last.get("members").get(0).get("lock_reason").isNull()).isTrue();
      assertThat(last.get("next").isNull()).isTrue();
    }
  }

  private long queueText(String memberId, String phone, MessagePurpose purpose, String key) {
    return stores
        .outbox()
        .enqueue(
            new OutboundMessage(
                0,
                key,
                new ClubId("main"),
                new MemberId(memberId),
                Channel.SMS,
                phone,
                purpose,
                null,
                null,
                "Hello",
                1,
                MessageStatus.QUEUED,
                NOW,
                NOW,
                null,
                null,
                null))
        .orElseThrow();
  }

  private String sign(String path, Map<String, String> form) {
    return new TwilioSignature(TWILIO_TOKEN)
        .of(
            BASE + path,
            form.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))));
  }

  private HttpResponse<String> signedPost(String path, Map<String, String> form) throws Exception {
    return postForm(path, form, sign(path, form));
  }

  private HttpResponse<String> postForm(String path, Map<String, String> form, String signature)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                entry ->
                    URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    if (signature != null) {
      headers.put(TwilioSignature.HEADER, signature);
    }
    return post(path, body, headers);
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
