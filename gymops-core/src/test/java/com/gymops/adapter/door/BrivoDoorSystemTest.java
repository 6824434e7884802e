package com.gymops.adapter.door;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.fakes.FakeBrivo;
import com.gymops.fakes.LoopbackApi;
import com.gymops.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Brivo's API as the door, against the fake Brivo and its token endpoint on loopback. */
class BrivoDoorSystemTest {
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-12-06T15:00:00Z"), ZoneOffset.UTC);
  private final FakeBrivo brivo = FakeBrivo.start(clock);
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final MemoryDoorLinks links = new MemoryDoorLinks();
  private final MemoryClubLinks clubLinks = new MemoryClubLinks();
  private final Member ana =
      aMember().withId("M1").named("Ana", "Lopez").withEmail("ana@example.com").build();

  @AfterEach
  void stop() {
    brivo.close();
  }

  private BrivoDoorSystem door(DoorSettings.Match match, String password, int pageSize) {
    return new BrivoDoorSystem(
        new DoorSettings.Api(
            "brivo",
            brivo.baseUrl(),
            brivo.tokenUrl(),
            null,
            FakeBrivo.API_KEY,
            FakeBrivo.CLIENT_ID,
            FakeBrivo.CLIENT_SECRET,
            FakeBrivo.USERNAME,
            password,
            match,
            pageSize,
            Duration.ofSeconds(5),
            4),
        links,
        clubLinks,
        pauses::add,
        clock);
  }

  private BrivoDoorSystem door() {
    return door(DoorSettings.Match.EMAIL, FakeBrivo.PASSWORD, 100);
  }

  @Test
  void suspends_the_user_found_by_email_and_reads_the_suspension_back() {
    long id = brivo.addUser("ana@example.com", "ext-1");

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).as(String.valueOf(result.error())).isTrue();
    assertThat(brivo.suspended(id)).isTrue();
    assertThat(brivo.requests("PUT", "/v1/api/users/"))
        .singleElement()
        .satisfies(
            put -> {
              assertThat(put.path()).isEqualTo("/v1/api/users/" + id + "/suspended");
              assertThat(put.body()).isEqualTo("{\"suspended\":true}");
              assertThat(put.headers().get("api-key")).isEqualTo(FakeBrivo.API_KEY);
              assertThat(put.headers().get("authorization")).startsWith("Bearer brivo-");
            });
    assertThat(brivo.requests("POST", "/oauth/token"))
        .singleElement()
        .satisfies(
            token -> {
              assertThat(token.body()).startsWith("grant_type=password&username=");
              assertThat(token.path() + token.query()).doesNotContain(FakeBrivo.PASSWORD);
            });
    assertThat(brivo.requests("GET", "/v1/api/users/" + id)).as("read back").hasSize(1);

    assertThat(door().change(ana, DoorAccess.OPEN).done()).isTrue();
    assertThat(brivo.suspended(id)).isFalse();
  }

  @Test
  void renews_the_token_before_it_expires_so_no_call_is_refused() {
    long id = brivo.addUser("ana@example.com", "ext-1");
    BrivoDoorSystem door = door();
    door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    clock.advance(Duration.ofSeconds(250));
    DoorSystem.Result result = door.change(ana, DoorAccess.OPEN);

    assertThat(result.done()).isTrue();
    assertThat(brivo.suspended(id)).isFalse();
    assertThat(brivo.tokensIssued())
        .as("renewed although the old token still had 50 s to live: no 401 needed")
        .isEqualTo(2);
    List<String> bearers =
        brivo.requests().stream()
            .filter(r -> r.path().startsWith("/v1/"))
            .map(r -> r.headers().get("authorization"))
            .toList();
    assertThat(bearers).hasSize(5);
    assertThat(bearers.subList(3, 5)).doesNotContain(bearers.get(0));
  }

  @Test
  void a_token_brivo_expired_early_is_renewed_once_on_its_401() {
    long id = brivo.addUser("ana@example.com", "ext-1");
    BrivoDoorSystem door = door();
    door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);
    brivo.expireTokens();

    DoorSystem.Result result = door.change(ana, DoorAccess.OPEN);

    assertThat(result.done()).isTrue();
    assertThat(brivo.suspended(id)).isFalse();
    assertThat(brivo.tokensIssued()).isEqualTo(2);
  }

  @Test
  void refused_credentials_say_which_variables_to_check() {
    brivo.addUser("ana@example.com", "ext-1");

    DoorSystem.Result result =
        door(DoorSettings.Match.EMAIL, "wrong", 100).change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .startsWith(
            "Brivo refused the login of " + FakeBrivo.USERNAME + " (HTTP 401: Bad credentials)")
        .contains(DoorSettings.BRIVO_PASSWORD_ENV);
  }

  @Test
  void pages_through_the_user_list_by_offset_and_page_size() {
    for (int i = 0; i < 5; i++) {
      brivo.addUser("other" + i + "@example.com", "ext-o" + i);
    }
    long id = brivo.addUser("Ana@Example.com", "ext-1");

    DoorSystem.Result result =
        door(DoorSettings.Match.EMAIL, FakeBrivo.PASSWORD, 2)
            .change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isTrue();
    assertThat(brivo.suspended(id)).isTrue();
    assertThat(brivo.requests("GET", "/v1/api/users"))
        .filteredOn(r -> r.path().equals("/v1/api/users"))
        .extracting(r -> r.query().get("offset"))
        .containsExactly("0", "2", "4");
  }

  @Test
  void finds_the_user_by_the_club_systems_id_when_configured() {
    brivo.addUser("ana@example.com", "other");
    long id = brivo.addUser("ana.lopez@work.example", "CH-88123");
    clubLinks.putAll(
        List.of(new ClubSystemLinks.Link(new MemberId("M1"), "CH-88123", null, null)),
        clock.instant());

    DoorSystem.Result result =
        door(DoorSettings.Match.CLUB_SYSTEM_ID, FakeBrivo.PASSWORD, 100)
            .change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isTrue();
    assertThat(brivo.suspended(id)).isTrue();
    assertThat(brivo.requests("GET", "/v1/api/users/CH-88123/external")).hasSize(1);
  }

  @Test
  void a_member_with_no_user_under_their_club_system_id_is_a_failure() {
    clubLinks.putAll(
        List.of(new ClubSystemLinks.Link(new MemberId("M1"), "CH-404", null, null)),
        clock.instant());

    DoorSystem.Result result =
        door(DoorSettings.Match.CLUB_SYSTEM_ID, FakeBrivo.PASSWORD, 100)
            .change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.error())
        .isEqualTo(
            "Brivo has no user with external id CH-404 for Ana Lopez (M1): add it to the member's"
                + " user in Brivo");
  }

  @Test
  void staff_by_the_club_systems_standing_are_never_locked() {
    long id = brivo.addUser("ana@example.com", "CH-7");
    clubLinks.putAll(
        List.of(new ClubSystemLinks.Link(new MemberId("M1"), "CH-7", "staff", null)),
        clock.instant());

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.error())
        .isEqualTo("Ana Lopez (M1) is staff in the club system: GymOps never locks staff");
    assertThat(brivo.suspended(id)).isFalse();
    assertThat(brivo.requests()).isEmpty();
  }

  @Test
  void server_errors_past_the_attempts_leave_the_door_as_it_was_and_say_why() {
    long id = brivo.addUser("ana@example.com", "ext-1");
    BrivoDoorSystem door = door();
    door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);
    brivo.failNext(503, 503, 503, 503);

    DoorSystem.Result result = door.change(ana, DoorAccess.OPEN);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .isEqualTo(
            "Brivo PUT /v1/api/users/"
                + id
                + "/suspended failed after 4 attempts: HTTP 503: Internal Server Error");
    assertThat(brivo.suspended(id)).isTrue();
  }

  @Test
  void doctor_logs_in_and_reads_one_page() {
    assertThat(door().check()).contains(FakeBrivo.USERNAME, "a token");
    assertThat(brivo.requests())
        .extracting(LoopbackApi.Request::path)
        .containsExactly("/oauth/token", "/v1/api/users");
  }
}
