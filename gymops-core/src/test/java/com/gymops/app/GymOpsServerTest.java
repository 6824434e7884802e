package com.gymops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.config.GymOpsConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in-process on the embedded database: real HTTP on a free port. */
class GymOpsServerTest {
  @TempDir Path directory;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void serve_starts_answers_health_ready_and_metrics_and_stops_cleanly() throws Exception {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, timezone: America/New_York}]\n", Map.of(), ZoneId.of("UTC"));
    try (GymOpsApp app = GymOpsApp.open(config, directory, Clock.systemUTC())) {
      GymOpsServer server = GymOpsServer.start(app, 0);
      try {
        assertThat(server.changes().added()).hasSize(6);
        assertThat(get(server, "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(server, "/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        HttpResponse<String> metrics = get(server, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        // The webhooks are served too, and refuse every request while their secrets are unset.
        HttpResponse<String> inbound =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + server.port() + "/webhooks/twilio/inbound"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("From=%2B15550001111&Body=STOP"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbound.statusCode()).isEqualTo(403);
        assertThat(get(server, "/api/door-access/export").statusCode()).isEqualTo(401);
      } finally {
        server.close();
      }
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> get(server, "/health")))
          .isNotNull();
    }
  }

  private HttpResponse<String> get(GymOpsServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
