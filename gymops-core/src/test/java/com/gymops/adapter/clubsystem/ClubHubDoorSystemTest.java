package com.gymops.adapter.clubsystem;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.port.ClubSystemFacts;
import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.config.ClubSystemSettings;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.fakes.FakeClubHub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ClubHub's bans as the door, against the fake ClubHub. */
class ClubHubDoorSystemTest {
  private final FakeClubHub clubHub = FakeClubHub.start();
  private final Links links = new Links();
  private final ClubHubDoorSystem door =
      new ClubHubDoorSystem(
          new ClubHubSession(
              new ClubSystemSettings.ClubHub(
                  clubHub.baseUrl(),
                  FakeClubHub.USERNAME,
                  FakeClubHub.PASSWORD,
                  100,
                  Duration.ofSeconds(5),
                  3),
              pause -> {}),
          Map.of(new ClubId("main"), "1156"),
          links);

  @AfterEach
  void stop() {
    clubHub.close();
  }

  private Member member(String id, String externalId, String clubStatus) {
    links.putAll(
        List.of(new ClubSystemLinks.Link(new MemberId(id), externalId, clubStatus, null)),
        Instant.EPOCH);
    return aMember().withId(id).build();
  }

  @Test
  void bans_by_the_clubhub_id_and_lifts_the_ban() {
    Member member = member("M1", "88123", "past_due");

    DoorSystem.Result locked = door.change(member, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(locked.done()).isTrue();
    assertThat(clubHub.banned()).containsExactly("88123");
    FakeClubHub.Request ban = clubHub.requests().get(clubHub.requests().size() - 1);
    assertThat(ban.method()).isEqualTo("PUT");
    assertThat(ban.path()).isEqualTo("/api/clubs/1156/members/88123/bans");
    assertThat(ban.body()).contains("\"member\":{\"id\":88123}").contains("\"note\"");

    assertThat(door.change(member, DoorAccess.OPEN).done()).isTrue();
    assertThat(clubHub.banned()).isEmpty();
  }

  @Test
  void a_ban_clubhub_already_has_counts_as_done() {
    Member member = member("M1", "88123", "past_due");
    clubHub.ban(88123);

    assertThat(door.change(member, DoorAccess.LOCKED_FOR_PAYMENT).done()).isTrue();
  }

  @Test
  void never_bans_staff() {
    Member staff = member("M1", "88123", "staff");

    DoorSystem.Result result = door.change(staff, DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error()).contains("staff");
    assertThat(clubHub.banned()).isEmpty();
  }

  @Test
  void a_member_without_a_clubhub_id_is_not_guessed_at() {
    DoorSystem.Result result =
        door.change(aMember().withId("M9").build(), DoorAccess.LOCKED_FOR_PAYMENT);

    assertThat(result.done()).isFalse();
    assertThat(result.error()).contains("no ClubHub id");
    assertThat(clubHub.requests()).isEmpty();
  }

  @Test
  void the_fake_answers_a_get_of_the_bans_with_405_as_clubhub_does() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(clubHub.baseUrl() + "/api/clubs/1156/members/1/bans"))
                    .header("API-version", "1")
                    .header("Authorization", "Bearer " + login())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  private String login() throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(clubHub.baseUrl() + "/api/login"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\""
                                + FakeClubHub.USERNAME
                                + "\",\"password\":\""
                                + FakeClubHub.PASSWORD
                                + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return body.replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
  }

  private static final class Links implements ClubSystemLinks {
    private final Map<MemberId, Link> links = new HashMap<>();

    @Override
    public void putAll(List<Link> put, Instant now) {
      put.forEach(link -> links.put(link.memberId(), link));
    }

    @Override
    public Optional<Link> find(MemberId member) {
      return Optional.ofNullable(links.get(member));
    }

    @Override
    public Set<MemberId> staffIn(ClubId club) {
      return links.values().stream()
          .filter(link -> ClubSystemFacts.STAFF.equals(link.clubStatus()))
          .map(Link::memberId)
          .collect(java.util.stream.Collectors.toSet());
    }
  }
}
