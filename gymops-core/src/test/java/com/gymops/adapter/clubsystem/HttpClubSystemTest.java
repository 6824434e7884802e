package com.gymops.adapter.clubsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.ClubSystemException;
import com.gymops.config.ClubSystemSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpClubSystemTest {
  private static final Instant T1 = Instant.parse("2026-03-10T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-10T11:00:00Z");

  private final ClubSystemSimulator simulator = ClubSystemSimulator.start("club-token");

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpClubSystem client(String token, Duration timeout) {
    return new HttpClubSystem(new ClubSystemSettings.Http(simulator.baseUrl(), token, 2, timeout));
  }

  @Test
  void reads_pages_with_the_cursor_and_asks_for_changes_since_the_watermark() {
    simulator
        .put("M1", "main", "+14155550001", "0.00", null, T1)
        .put("M2", "main", "+14155550002", "80.00", "2026-01-20", T1)
        .put("M3", "main", null, "0.00", null, T2);
    HttpClubSystem client = client("club-token", Duration.ofSeconds(5));

    ClubSystem.Page first = client.members(null, null);
    assertThat(first.members()).extracting(ClubRecord::memberId).containsExactly("M1", "M2");
    assertThat(first.members().get(1).pastDueAmount()).isEqualTo("80.00");
    assertThat(first.members().get(1).pastDueSince()).isEqualTo("2026-01-20");
    assertThat(first.members().get(1).updatedAt()).isEqualTo(T1);
    assertThat(first.next()).isNotNull();
    ClubSystem.Page second = client.members(null, first.next());
    assertThat(second.members()).extracting(ClubRecord::memberId).containsExactly("M3");
    assertThat(second.members().get(0).phone()).isNull();
    assertThat(second.next()).isNull();

    assertThat(client.members(T2, null).members())
        .extracting(ClubRecord::memberId)
        .containsExactly("M3");
    assertThat(simulator.queries().get(2))
        .containsEntry("updated_since", T2.toString())
        .containsEntry("limit", "2");
  }

  @Test
  void a_refusal_an_error_or_a_non_json_answer_is_a_club_system_failure() {
    assertThatThrownBy(() -> client("wrong", Duration.ofSeconds(5)).members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("401");
    simulator.failWith(503);
    assertThatThrownBy(() -> client("club-token", Duration.ofSeconds(5)).members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("503");
    assertThatThrownBy(() -> HttpClubSystem.page("<html>")).isInstanceOf(ClubSystemException.class);
    assertThatThrownBy(() -> HttpClubSystem.page("{\"data\": []}"))
        .isInstanceOf(ClubSystemException.class);
  }

  @Test
  void no_answer_in_time_is_a_club_system_failure() {
    simulator.hang();

    assertThatThrownBy(() -> client("club-token", Duration.ofMillis(500)).members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("no answer");
  }
}
