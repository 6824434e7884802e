package com.gymops.app;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.adapter.web.PaymentSignature;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import java.net.URI;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment at night: the door opens at once, the restored text waits for the sending window and
 * the dispatcher holds it until then.
 */
class PaymentOutsideWindowTest {
  /** 23:30 in New York, after the 20:00 close of the default window. */
  private static final Instant NIGHT = Instant.parse("2026-03-11T03:30:00Z");

  /** 08:00 the next morning in New York. */
  private static final Instant OPENING = Instant.parse("2026-03-11T12:00:00Z");

  @TempDir Path directory;

  @Test
  void the_door_opens_at_once_and_the_text_waits_for_the_window() throws Exception {
    var config =
        ConfigLoader.parse(
            "clubs: [{id: main, timezone: America/New_York}]\n",
            Map.of("GYMOPS_PAYMENTS_SECRET", "secret"),
            ZoneId.of("UTC"));
    try (GymOpsApp app = GymOpsApp.open(config, directory, Clock.fixed(NIGHT, ZoneOffset.UTC));
        OpsServer server = OpsServer.start(0, List::of, () -> "", app.webhooks())) {
      app.stores()
          .members()
          .upsertAll(
              List.of(
                  aMember()
                      .withId("n1")
                      .withBalance("40.00", LocalDate.of(2026, 1, 5))
                      .withDoor(DoorAccess.LOCKED_FOR_PAYMENT)
                      .build()),
              NIGHT);
      String body =
          "{\"payment_id\": \"night-1\", \"member_id\": \"n1\", \"amount\": \"40.00\","
              + " \"paid_at\": \"2026-03-10T23:29:00-04:00\"}";

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/webhooks/payments"))
                      .header(
                          PaymentSignature.HEADER,
                          new PaymentSignature("secret").of(body.getBytes(StandardCharsets.UTF_8)))
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(app.stores().members().find(new MemberId("n1")).orElseThrow().door())
          .isEqualTo(DoorAccess.OPEN);
      OutboundMessage restored =
          app.stores().outbox().ofMember(new MemberId("n1")).stream().findFirst().orElseThrow();
      assertThat(restored.notBefore()).isEqualTo(OPENING);
      app.dispatcher().dispatch(NIGHT);
      assertThat(app.stores().outbox().find(restored.id()).orElseThrow().status())
          .isEqualTo(MessageStatus.QUEUED);
    }
  }
}
