package com.gymops.adapter.clubsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.ClubSystemFacts;
import com.gymops.config.ClubSystemSettings;
import com.gymops.domain.ClubId;
import com.gymops.fakes.FakeClubHub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ClubHub adapter against the fake ClubHub (FakeClubHub: its shapes and error styles). */
class ClubHubClubSystemTest {
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final ClubId MAIN = new ClubId("main");

  private final FakeClubHub clubHub = FakeClubHub.start();
  private final List<Duration> pauses = new ArrayList<>();

  @AfterEach
  void stop() {
    clubHub.close();
  }

  private ClubHubClubSystem adapter(String password, Set<ClubId> attested) {
    ClubSystemSettings.ClubHub api =
        new ClubSystemSettings.ClubHub(
            clubHub.baseUrl(), FakeClubHub.USERNAME, password, 2, Duration.ofSeconds(5), 3);
    ClubSystemSettings settings =
        new ClubSystemSettings("clubhub", null, api, Map.of(MAIN, "1156"), attested);
    return new ClubHubClubSystem(
        new ClubHubSession(api, pauses::add), settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private ClubHubClubSystem adapter() {
    return adapter(FakeClubHub.PASSWORD, Set.of());
  }

  private static List<ClubRecord> pullAll(ClubSystem system) {
    List<ClubRecord> all = new ArrayList<>();
    String cursor = null;
    do {
      ClubSystem.Page page = system.members(null, cursor);
      all.addAll(page.members());
      cursor = page.next();
    } while (cursor != null);
    return all;
  }

  @Test
  void reads_members_then_prospects_page_by_page_from_one_until_a_short_page() {
    clubHub
        .putMember("1156", FakeClubHub.memberRow(101, "Ann", "(217) 555-0101"))
        .putMember("1156", FakeClubHub.memberRow(102, "Bob", "217-555-0102"))
        .putMember("1156", FakeClubHub.memberRow(103, "Cy", "+1 217 555 0103"))
        .putProspect("1156", FakeClubHub.memberRow(7, "Pat", "2175550107"));

    List<ClubRecord> records = pullAll(adapter());

    assertThat(records)
        .extracting(ClubRecord::memberId)
        .containsExactly("101", "102", "103", "prospect-7");
    assertThat(records)
        .extracting(ClubRecord::phone)
        .containsExactly("+12175550101", "+12175550102", "+12175550103", "+12175550107");
    assertThat(clubHub.requests())
        .filteredOn(request -> request.path().startsWith("/api/v1.0/"))
        .extracting(request -> request.path() + "?page=" + request.query().get("page"))
        .containsExactly(
            "/api/v1.0/clubs/1156/members?page=1",
            "/api/v1.0/clubs/1156/members?page=2",
            "/api/v1.0/clubs/1156/prospects?page=1");
    assertThat(clubHub.logins()).isEqualTo(1);
    ClubRecord prospect = records.get(3);
    assertThat(prospect.status()).isEqualTo("PROSPECT");
    assertThat(prospect.facts().externalId()).isEqualTo("7");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"members", "prospects", "data", "results", "items"})
  void reads_rows_bare_or_under_any_key_clubhub_has_used(String key) {
    clubHub.wrapRowsUnder(key).putMember("1156", FakeClubHub.memberRow(101, "Ann", null));

    assertThat(pullAll(adapter())).extracting(ClubRecord::memberId).containsExactly("101");
  }

  @Test
  void maps_each_agreement_to_a_balance_and_a_standing_in_gymops_words() {
    clubHub
        .putMember("1156", FakeClubHub.memberRow(1, "Late", null))
        .putAgreement(1, FakeClubHub.agreement(501, "80", "Past Due more than 30 days."))
        .putMember("1156", FakeClubHub.memberRow(2, "Recent", null))
        .putAgreement(2, FakeClubHub.agreement(502, "25.5", "Past Due 6-30 days"))
        .putMember("1156", FakeClubHub.memberRow(3, "Staff", null))
        .putAgreement(3, FakeClubHub.agreement(503, "0", "Staff Member"))
        .putMember("1156", FakeClubHub.memberRow(4, "Visitor", null))
        .putAgreement(4, FakeClubHub.agreement(504, "0", "Pay Per Visit Member"))
        .putMember("1156", FakeClubHub.memberRow(5, "Leaving", null))
        .putAgreement(5, FakeClubHub.agreement(505, "0", "Member is pending cancel"));

    Map<String, ClubRecord> byId = new java.util.HashMap<>();
    pullAll(adapter()).forEach(record -> byId.put(record.memberId(), record));

    assertThat(byId.get("1").pastDueAmount()).isEqualTo("80.00");
    // "more than 30 days": the debt started on the 31st day back at the latest.
    assertThat(byId.get("1").pastDueSince()).isEqualTo("2026-02-07");
    assertThat(byId.get("1").facts().clubStatus()).isEqualTo("past_due");
    assertThat(byId.get("2").pastDueAmount()).isEqualTo("25.50");
    assertThat(byId.get("2").pastDueSince()).isEqualTo("2026-03-04");
    assertThat(byId.get("3").facts().clubStatus()).isEqualTo(ClubSystemFacts.STAFF);
    assertThat(byId.get("4").status()).isEqualTo("PPV");
    assertThat(byId.get("5").facts().clubStatus()).isEqualTo("pending_cancel");
    assertThat(byId.get("1").joinedOn()).isEqualTo("2024-02-01");
    assertThat(byId.get("1").facts().lastCheckIn()).isEqualTo("2026-03-01");
    assertThat(byId.get("1").facts().pastDueSinceAtLatest()).isTrue();
  }

  @Test
  void the_last_check_in_is_the_latest_usage_of_the_last_thirty_days_else_the_rows_last_visit() {
    clubHub
        .putMember("1156", FakeClubHub.memberRow(1, "Regular", null))
        .putUsage(1, "2026-03-04T06:15:00")
        .putUsage(1, "2026-03-09T18:40:00")
        .putUsage(1, "2026-01-02T07:00:00")
        .putMember("1156", FakeClubHub.memberRow(2, "Away", null))
        .putUsage(2, "2026-01-20T07:00:00");

    Map<String, ClubRecord> byId = new java.util.HashMap<>();
    pullAll(adapter()).forEach(record -> byId.put(record.memberId(), record));

    assertThat(byId.get("1").facts().lastCheckIn()).isEqualTo("2026-03-09");
    // Nothing in the window: the row's lastVisit (2026-03-01) stands.
    assertThat(byId.get("2").facts().lastCheckIn()).isEqualTo("2026-03-01");
    assertThat(clubHub.requests())
        .filteredOn(request -> request.path().equals("/api/members/1/usages/by-date-range"))
        .extracting(
            request -> request.query().get("startDate") + ".." + request.query().get("endDate"))
        .containsExactly("2026-02-08..2026-03-10");
  }

  @Test
  void invents_no_consent_unless_the_club_attests_it() {
    clubHub.putMember("1156", FakeClubHub.memberRow(1, "Ann", null));

    ClubRecord silent = pullAll(adapter()).get(0);
    ClubRecord attested = pullAll(adapter(FakeClubHub.PASSWORD, Set.of(MAIN))).get(0);

    assertThat(silent.smsConsent()).isFalse();
    assertThat(silent.facts().consentKnown()).isFalse();
    assertThat(attested.smsConsent()).isTrue();
    assertThat(attested.facts().consentKnown()).isTrue();
  }

  @Test
  void logs_in_again_once_when_the_token_has_expired() {
    clubHub.putMember("1156", FakeClubHub.memberRow(1, "Ann", null));
    ClubHubClubSystem system = adapter();
    pullAll(system);

    clubHub.expireTokens();

    assertThat(pullAll(system)).hasSize(1);
    assertThat(clubHub.logins()).isEqualTo(2);
  }

  @Test
  void says_the_credentials_are_at_fault_when_a_fresh_token_is_refused_too() {
    clubHub.putMember("1156", FakeClubHub.memberRow(1, "Ann", null));
    ClubHubClubSystem system = adapter();
    clubHub.failNext(401, 401);

    assertThatThrownBy(() -> system.members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("refused a fresh token")
        .hasMessageContaining("GYMOPS_CLUBHUB_USERNAME");
    assertThat(clubHub.logins()).isEqualTo(2);
  }

  @Test
  void names_the_environment_variables_when_the_login_is_refused() {
    assertThatThrownBy(() -> adapter("wrong", Set.of()).members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("refused the login of " + FakeClubHub.USERNAME)
        .hasMessageContaining("GYMOPS_CLUBHUB_PASSWORD");
  }

  @Test
  void retries_a_429_and_a_5xx_after_doubling_pauses() {
    clubHub.putMember("1156", FakeClubHub.memberRow(1, "Ann", null));
    ClubHubClubSystem system = adapter();
    clubHub.failNext(429, 503);

    assertThat(pullAll(system)).hasSize(1);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void gives_up_after_the_configured_attempts_with_clubhubs_answer() {
    ClubHubClubSystem system = adapter();
    clubHub.failNext(500, 502, 503);

    assertThatThrownBy(() -> system.members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("failed after 3 attempts")
        .hasMessageContaining("HTTP 503");
  }
}
