package com.gymops.adapter.door;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.DoorSystem;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.fakes.FakeOpenpath;
import com.gymops.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Avigilon Alta (Openpath)'s API as the door, against the fake on loopback. */
class OpenpathDoorSystemTest {
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-12-06T15:00:00Z"), ZoneOffset.UTC);
  private final FakeOpenpath openpath = FakeOpenpath.start(clock);
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final Member ana =
      aMember().withId("M1").named("Ana", "Lopez").withEmail("ana@example.com").build();
  private final OpenpathDoorSystem door =
      new OpenpathDoorSystem(
          new DoorSettings.Api(
              "openpath",
              openpath.baseUrl(),
              null,
              FakeOpenpath.ORG_ID,
              null,
              null,
              null,
              FakeOpenpath.EMAIL,
              FakeOpenpath.PASSWORD,
              DoorSettings.Match.EMAIL,
              100,
              Duration.ofSeconds(5),
              4),
          new MemoryDoorLinks(),
          new MemoryClubLinks(),
          pauses::add,
          clock);

  @AfterEach
  void stop() {
    openpath.close();
  }

  @Test
  void suspends_then_reactivates_the_user_found_by_email_reading_each_back() {
    openpath.addUser("bo@example.com", null);
    long id = openpath.addUser("ana@example.com", null);

    DoorSystem.Result lock = door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(lock.done()).as(String.valueOf(lock.error())).isTrue();
    assertThat(openpath.status(id)).isEqualTo("S");
    assertThat(openpath.requests("PUT", "/orgs/"))
        .singleElement()
        .satisfies(
            put -> {
              assertThat(put.path()).isEqualTo("/orgs/4242/users/" + id + "/status");
              assertThat(put.body()).isEqualTo("{\"status\":\"S\"}");
              assertThat(put.headers().get("authorization")).startsWith("eyJ");
            });
    assertThat(openpath.requests("GET", "/orgs/4242/users"))
        .filteredOn(r -> r.path().equals("/orgs/4242/users"))
        .singleElement()
        .satisfies(
            list ->
                assertThat(list.query())
                    .containsEntry("filter", "identity.email:(ana@example.com)"));

    assertThat(door.change(ana, DoorAccess.OPEN).done()).isTrue();
    assertThat(openpath.status(id)).isEqualTo("A");
    assertThat(openpath.logins()).isEqualTo(1);
  }

  @Test
  void logs_in_again_when_the_token_nears_its_expiry() {
    openpath.addUser("ana@example.com", null);
    door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    clock.advance(FakeOpenpath.TOKEN_LIFETIME.minusSeconds(30));
    assertThat(door.change(ana, DoorAccess.OPEN).done()).isTrue();

    assertThat(openpath.logins()).isEqualTo(2);
    assertThat(openpath.requests())
        .noneMatch(r -> r.path().startsWith("/orgs/") && r.headers().get("authorization") == null);
  }

  @Test
  void an_expired_token_is_renewed_once_on_its_401() {
    long id = openpath.addUser("ana@example.com", null);
    door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);
    openpath.expireTokens();

    assertThat(door.change(ana, DoorAccess.OPEN).done()).isTrue();

    assertThat(openpath.status(id)).isEqualTo("A");
    assertThat(openpath.logins()).isEqualTo(2);
  }

  @Test
  void a_member_openpath_does_not_know_is_a_failure_the_manager_can_act_on() {
    openpath.addUser("bo@example.com", null);

    DoorSystem.Result result = door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .isEqualTo(
            "Openpath has no user with the email ana@example.com (Ana Lopez (M1)): add the member"
                + " in Openpath or correct the email in GymOps");
  }

  @Test
  void a_503_then_a_429_are_waited_out_and_the_change_goes_through() {
    long id = openpath.addUser("ana@example.com", null);
    openpath.failNext(503);
    openpath.throttleNext(2);

    DoorSystem.Result result = door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isTrue();
    assertThat(openpath.status(id)).isEqualTo("S");
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }
}
