package com.gymops.adapter.door;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.DoorSystem.Result;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpDoorSystemTest {
  private static final Member ANA = aMember().withId("M 1001").build();

  private FakeDoorApi api;
  private final List<Duration> pauses = new ArrayList<>();

  @BeforeEach
  void start() {
    api = FakeDoorApi.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpDoorSystem doors(DoorSettings.Http settings) {
    return new HttpDoorSystem(settings, pauses::add);
  }

  private DoorSettings.Http kisi(String token) {
    return new DoorSettings.Http(
        new DoorSettings.Call(
            "PATCH",
            api.baseUrl() + "/users/{external_id}",
            "{\"user\": {\"access_enabled\": false}}"),
        new DoorSettings.Call(
            "PATCH",
            api.baseUrl() + "/users/{external_id}",
            "{\"user\": {\"access_enabled\": true}}"),
        Map.of(),
        token,
        10,
        3);
  }

  @Test
  void kisi_style_suspends_and_restores_with_patch_and_the_bearer_token() {
    HttpDoorSystem doors = doors(kisi("door-token"));

    assertThat(doors.change(ANA, DoorAccess.LOCKED_FOR_PAYMENT)).isEqualTo(Result.applied());
    assertThat(doors.change(ANA, DoorAccess.OPEN)).isEqualTo(Result.applied());

    assertThat(api.requests())
        .extracting(
            FakeDoorApi.Request::method, FakeDoorApi.Request::path, FakeDoorApi.Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PATCH", "/users/M%201001", "{\"user\": {\"access_enabled\": false}}"),
            org.assertj.core.groups.Tuple.tuple(
                "PATCH", "/users/M%201001", "{\"user\": {\"access_enabled\": true}}"));
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer door-token");
    assertThat(api.requests().get(0).header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void brivo_style_uses_put_and_delete_on_the_suspended_resource_with_an_api_key_header() {
    DoorSettings.Http brivo =
        new DoorSettings.Http(
            new DoorSettings.Call(
                "PUT", api.baseUrl() + "/v1/api/users/{external_id}/suspended", null),
            new DoorSettings.Call(
                "DELETE", api.baseUrl() + "/v1/api/users/{external_id}/suspended", null),
            Map.of("api-key", "brivo-key"),
            "oauth-token",
            10,
            3);

    assertThat(doors(brivo).change(ANA, DoorAccess.LOCKED_FOR_PAYMENT).done()).isTrue();
    assertThat(doors(brivo).change(ANA, DoorAccess.OPEN).done()).isTrue();

    assertThat(api.requests())
        .extracting(FakeDoorApi.Request::method)
        .containsExactly("PUT", "DELETE");
    assertThat(api.requests().get(0).path()).isEqualTo("/v1/api/users/M%201001/suspended");
    assertThat(api.requests().get(0).header("api-key")).isEqualTo("brivo-key");
    assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer oauth-token");
  }

  @Test
  void seam_style_posts_the_member_in_the_body() {
    DoorSettings.Http seam =
        new DoorSettings.Http(
            new DoorSettings.Call(
                "POST",
                api.baseUrl() + "/acs/users/suspend",
                "{\"acs_user_id\": \"{external_id}\"}"),
            new DoorSettings.Call(
                "POST",
                api.baseUrl() + "/acs/users/unsuspend",
                "{\"acs_user_id\": \"{external_id}\"}"),
            Map.of(),
            "seam-key",
            10,
            3);

    assertThat(doors(seam).change(ANA, DoorAccess.OPEN).done()).isTrue();

    assertThat(api.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/acs/users/unsuspend");
              assertThat(request.body()).isEqualTo("{\"acs_user_id\": \"M 1001\"}");
            });
  }

  @Test
  void a_busy_door_system_is_tried_again_after_a_growing_pause() {
    api.answer(503, 429);

    Result result = doors(kisi(null)).change(ANA, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isTrue();
    assertThat(api.requests()).hasSize(3);
    assertThat(api.requests().get(0).header("Authorization")).isNull();
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void a_door_system_that_keeps_failing_fails_the_change_after_the_last_attempt() {
    api.answer(500, 502, 503);

    Result result = doors(kisi(null)).change(ANA, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .startsWith("PATCH /users/M%201001 answered HTTP 503")
        .endsWith("(after 3 attempts)");
  }

  @Test
  void a_refusal_is_not_retried() {
    api.answer(404);

    Result result = doors(kisi(null)).change(ANA, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error()).contains("HTTP 404");
    assertThat(api.requests()).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void a_door_system_that_does_not_answer_in_time_fails_the_change() throws IOException {
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
      String base = "http://127.0.0.1:" + silent.getAddress().getPort();
      DoorSettings.Http settings =
          new DoorSettings.Http(
              new DoorSettings.Call("POST", base + "/suspend/{member_id}", null),
              new DoorSettings.Call("POST", base + "/restore/{member_id}", null),
              Map.of(),
              null,
              1,
              2);

      Result result =
          new HttpDoorSystem(settings, pauses::add, Duration.ofMillis(200))
              .change(ANA, DoorAccess.LOCKED_FOR_PAYMENT);

      assertThat(result.done()).isFalse();
      assertThat(result.error()).contains("failed").endsWith("(after 2 attempts)");
      assertThat(pauses).hasSize(1);
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }
}
