package com.gymops.adapter.door;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.DoorSystem;
import com.gymops.config.DoorSettings;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.fakes.FakeKisi;
import com.gymops.fakes.LoopbackApi;
import com.gymops.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kisi's API as the door, against the fake Kisi on loopback. */
class KisiDoorSystemTest {
  private final FakeKisi kisi = FakeKisi.start();
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-12-06T15:00:00Z"), ZoneOffset.UTC);
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final MemoryDoorLinks links = new MemoryDoorLinks();
  private final Member ana =
      aMember().withId("M1").named("Ana", "Lopez").withEmail("ana@example.com").build();

  @AfterEach
  void stop() {
    kisi.close();
  }

  private KisiDoorSystem door(String key, int pageSize) {
    return new KisiDoorSystem(
        new DoorSettings.Api(
            "kisi",
            kisi.baseUrl(),
            null,
            null,
            key,
            null,
            null,
            null,
            null,
            DoorSettings.Match.EMAIL,
            pageSize,
            Duration.ofSeconds(5),
            4),
        links,
        new MemoryClubLinks(),
        pauses::add,
        clock);
  }

  private KisiDoorSystem door() {
    return door(FakeKisi.API_KEY, 100);
  }

  @Test
  void locks_the_user_found_by_email_and_reads_the_lock_back() {
    long id = kisi.addUser("ana@example.com", "Ana Lopez");

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).as(String.valueOf(result.error())).isTrue();
    assertThat(kisi.accessEnabled(id)).isFalse();
    assertThat(kisi.requests("PATCH", "/users/"))
        .singleElement()
        .satisfies(
            patch -> {
              assertThat(patch.path()).isEqualTo("/users/" + id);
              assertThat(patch.body()).isEqualTo("{\"user\":{\"access_enabled\":false}}");
              assertThat(patch.headers().get("authorization"))
                  .isEqualTo("KISI-LOGIN " + FakeKisi.API_KEY);
            });
    assertThat(kisi.requests("GET", "/users/" + id)).as("read back").hasSize(1);
    assertThat(links.find(new MemberId("M1"), "kisi")).contains(Long.toString(id));
  }

  @Test
  void unlocks_with_the_kept_id_without_looking_the_member_up_again() {
    long id = kisi.addUser("ana@example.com", "Ana Lopez");
    KisiDoorSystem door = door();
    door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    DoorSystem.Result result = door.change(ana, DoorAccess.OPEN);

    assertThat(result.done()).isTrue();
    assertThat(kisi.accessEnabled(id)).isTrue();
    assertThat(kisi.requests().stream().filter(r -> r.path().equals("/users")))
        .as("one lookup for both changes")
        .hasSize(1);
  }

  @Test
  void pages_through_users_whose_emails_merely_contain_the_members() {
    kisi.addUser("diana@example.com", "Diana");
    kisi.addUser("hana@example.com", "Hana");
    kisi.addUser("ana@example.com.au", "Ana Other");
    kisi.addUser("lana@example.com", "Lana");
    long id = kisi.addUser("ANA@example.com", "Ana Lopez");

    DoorSystem.Result result = door(FakeKisi.API_KEY, 2).change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isTrue();
    assertThat(kisi.accessEnabled(id)).isFalse();
    assertThat(kisi.requests("GET", "/users").stream().filter(r -> r.path().equals("/users")))
        .extracting(request -> request.query().get("offset"))
        .containsExactly("0", "2", "4");
  }

  @Test
  void a_member_kisi_does_not_know_is_a_failure_naming_the_email() {
    kisi.addUser("someone@example.com", "Someone");

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .isEqualTo(
            "Kisi has no user with the email ana@example.com (Ana Lopez (M1)): add the member in"
                + " Kisi or correct the email in GymOps");
    assertThat(kisi.requests("PATCH", "/")).isEmpty();
  }

  @Test
  void a_lock_whose_read_back_still_admits_the_member_is_a_failure() {
    kisi.addUser("ana@example.com", "Ana Lopez");
    kisi.ignoreNextChanges(1);

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .isEqualTo(
            "Kisi accepted the lock of Ana Lopez (M1) but still shows the user admitted when read"
                + " back");
  }

  @Test
  void a_429_waits_as_long_as_kisi_asks_then_tries_again() {
    long id = kisi.addUser("ana@example.com", "Ana Lopez");
    kisi.throttleNext(7);

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isTrue();
    assertThat(kisi.accessEnabled(id)).isFalse();
    assertThat(pauses).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a_429_asking_for_longer_than_a_minute_is_left_to_the_next_run() {
    kisi.addUser("ana@example.com", "Ana Lopez");
    kisi.throttleNext(600);

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error()).contains("asks GymOps to wait 600 s", "the next run asks again");
    assertThat(pauses).isEmpty();
  }

  @Test
  void server_errors_are_tried_four_times_after_one_two_and_four_seconds_then_said_plainly() {
    kisi.addUser("ana@example.com", "Ana Lopez");
    kisi.failNext(500, 502, 503, 503);

    DoorSystem.Result result = door().change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .isEqualTo(
            "Kisi GET /users failed after 4 attempts: HTTP 503: Something went wrong on our side");
    assertThat(pauses)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void a_refused_key_is_not_retried_and_names_the_variable() {
    kisi.addUser("ana@example.com", "Ana Lopez");

    DoorSystem.Result result = door("wrong-key", 100).change(ana, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error())
        .startsWith("Kisi refused GymOps' credentials (HTTP 401: Unauthorized on GET /users)")
        .contains(DoorSettings.KISI_API_KEY_ENV);
    assertThat(kisi.requests()).hasSize(1);
  }

  @Test
  void a_kept_id_kisi_no_longer_knows_is_looked_up_again() {
    long first = kisi.addUser("ana@example.com", "Ana Lopez");
    KisiDoorSystem door = door();
    door.change(ana, DoorAccess.LOCKED_FOR_PAYMENT);
    kisi.removeUser(first);
    long second = kisi.addUser("ana@example.com", "Ana Lopez");

    DoorSystem.Result result = door.change(ana, DoorAccess.OPEN);

    assertThat(result.done()).isTrue();
    assertThat(kisi.accessEnabled(second)).isTrue();
    assertThat(links.find(new MemberId("M1"), "kisi")).contains(Long.toString(second));
  }

  @Test
  void a_member_without_an_email_cannot_be_found_and_is_told_so() {
    Member noEmail = aMember().withId("M2").named("Bo", "Chen").withEmail(null).build();

    DoorSystem.Result result = door().change(noEmail, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.error()).startsWith("Bo Chen (M2) has no email");
    assertThat(kisi.requests()).isEmpty();
  }

  @Test
  void doctor_checks_the_key_with_one_harmless_read() {
    assertThat(door().check()).contains("accepted the API key");
    assertThat(kisi.requests()).extracting(LoopbackApi.Request::method).containsExactly("GET");
  }
}
