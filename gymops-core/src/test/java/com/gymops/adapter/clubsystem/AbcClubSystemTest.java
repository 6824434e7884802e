package com.gymops.adapter.clubsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.ClubSystemFacts;
import com.gymops.config.ClubSystemSettings;
import com.gymops.domain.ClubId;
import com.gymops.fakes.FakeAbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ABC Evo adapter against the fake ABC (FakeAbc: its shapes and error styles). */
class AbcClubSystemTest {
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final ClubId MAIN = new ClubId("main");
  private static final ClubId NORTH = new ClubId("north");

  private final FakeAbc abc = FakeAbc.start();
  private final List<Duration> pauses = new ArrayList<>();

  @AfterEach
  void stop() {
    abc.close();
  }

  private AbcClubSystem adapter(String appKey, Map<ClubId, String> clubs, Set<ClubId> attested) {
    ClubSystemSettings.Abc api =
        new ClubSystemSettings.Abc(abc.baseUrl(), FakeAbc.APP_ID, appKey, Duration.ofSeconds(5), 3);
    ClubSystemSettings settings = new ClubSystemSettings("abc", null, null, api, clubs, attested);
    return new AbcClubSystem(
        new AbcSession(api, pauses::add), settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private AbcClubSystem adapter() {
    return adapter(FakeAbc.APP_KEY, Map.of(MAIN, "30053"), Set.of());
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

  private static Map<String, ClubRecord> byId(List<ClubRecord> records) {
    Map<String, ClubRecord> byId = new HashMap<>();
    records.forEach(record -> byId.put(record.memberId(), record));
    return byId;
  }

  @Test
  void reads_each_clubs_pages_while_status_next_page_names_another() {
    abc.pageSize(2)
        .putMember("30053", FakeAbc.memberRow("m1", "Ann", "(512) 555-0101"))
        .putMember("30053", FakeAbc.memberRow("m2", "Bob", "512-555-0102"))
        .putMember("30053", FakeAbc.memberRow("m3", "Cy", "5125550103"))
        .putMember("40001", FakeAbc.memberRow("n1", "Di", "5125550104"));

    List<ClubRecord> records =
        pullAll(adapter(FakeAbc.APP_KEY, Map.of(MAIN, "30053", NORTH, "40001"), Set.of()));

    assertThat(records).extracting(ClubRecord::memberId).containsExactly("m1", "m2", "m3", "n1");
    assertThat(records)
        .extracting(ClubRecord::clubId)
        .containsExactly("main", "main", "main", "north");
    assertThat(records)
        .extracting(ClubRecord::phone)
        .containsExactly("+15125550101", "+15125550102", "+15125550103", "+15125550104");
    assertThat(abc.requests())
        .extracting(request -> request.path() + "?page=" + request.query().get("page"))
        .containsExactly(
            "/rest/30053/members?page=1",
            "/rest/30053/members?page=2",
            "/rest/40001/members?page=1");
  }

  @Test
  void maps_abcs_statuses_and_string_amounts_to_gymops_words() {
    Map<String, Object> late = FakeAbc.memberRow("late", "Late", null);
    FakeAbc.agreement(late).put("isPastDue", "true");
    FakeAbc.agreement(late).put("pastDueBalance", "69.99");
    FakeAbc.agreement(late).put("lateFeeAmount", "10.00");
    FakeAbc.agreement(late).put("totalPastDueBalance", "79.99");
    Map<String, Object> feesOnly = FakeAbc.memberRow("fees", "Fees", null);
    FakeAbc.agreement(feesOnly).remove("totalPastDueBalance");
    FakeAbc.agreement(feesOnly).put("isPastDue", "true");
    FakeAbc.agreement(feesOnly).put("pastDueBalance", "20");
    FakeAbc.agreement(feesOnly).put("lateFeeAmount", "5.5");
    Map<String, Object> staff = FakeAbc.memberRow("staff", "Staff", null);
    FakeAbc.agreement(staff).put("membershipType", "Staff Membership");
    Map<String, Object> visitor = FakeAbc.memberRow("ppv", "Visitor", null);
    FakeAbc.agreement(visitor).put("paymentPlan", "Pay Per Visit");
    Map<String, Object> leaving = FakeAbc.memberRow("leaving", "Leaving", null);
    FakeAbc.personal(leaving).put("memberStatus", "Pending Cancel");
    Map<String, Object> gone = FakeAbc.memberRow("gone", "Gone", null);
    FakeAbc.personal(gone).put("memberStatus", "cancelled");
    Map<String, Object> frozen = FakeAbc.memberRow("frozen", "Frozen", null);
    FakeAbc.personal(frozen).put("memberStatus", "freeze");
    Map<String, Object> prospect = FakeAbc.memberRow("p1", "Pat", null);
    FakeAbc.personal(prospect).put("joinStatus", "Prospect");
    for (Map<String, Object> row :
        List.of(late, feesOnly, staff, visitor, leaving, gone, frozen, prospect)) {
      abc.putMember("30053", row);
    }

    Map<String, ClubRecord> byId = byId(pullAll(adapter()));

    assertThat(byId.get("late").pastDueAmount()).isEqualTo("79.99");
    assertThat(byId.get("late").facts().clubStatus()).isEqualTo("past_due");
    // ABC gives no day a balance fell due: the sync dates it from the first pull that saw it.
    assertThat(byId.get("late").pastDueSince()).isNull();
    assertThat(byId.get("late").facts().pastDueSinceAtLatest()).isTrue();
    assertThat(byId.get("fees").pastDueAmount()).isEqualTo("25.50");
    assertThat(byId.get("staff").facts().clubStatus()).isEqualTo(ClubSystemFacts.STAFF);
    assertThat(byId.get("ppv").status()).isEqualTo("PPV");
    assertThat(byId.get("leaving").facts().clubStatus()).isEqualTo("pending_cancel");
    assertThat(byId.get("gone").status()).isEqualTo("CANCELLED");
    assertThat(byId.get("frozen").status()).isEqualTo("FROZEN");
    assertThat(byId.get("p1").status()).isEqualTo("PROSPECT");
    assertThat(byId.get("p1").pastDueAmount()).isNull();
    assertThat(byId.get("late").joinedOn()).isEqualTo("2024-02-01");
    assertThat(byId.get("late").state()).isEqualTo("TX");
    assertThat(byId.get("late").facts().lastCheckIn()).isEqualTo("2026-03-01");
    assertThat(byId.get("late").facts().externalId()).isEqualTo("late");
    assertThat(byId.get("late").updatedAt()).isEqualTo(NOW);
  }

  @Test
  void invents_no_consent_unless_the_club_attests_it() {
    abc.putMember("30053", FakeAbc.memberRow("m1", "Ann", null));

    ClubRecord silent = pullAll(adapter()).get(0);
    ClubRecord attested =
        pullAll(adapter(FakeAbc.APP_KEY, Map.of(MAIN, "30053"), Set.of(MAIN))).get(0);

    assertThat(silent.smsConsent()).isFalse();
    assertThat(silent.facts().consentKnown()).isFalse();
    assertThat(attested.smsConsent()).isTrue();
    assertThat(attested.facts().consentKnown()).isTrue();
  }

  @Test
  void reads_an_error_abc_answers_as_http_200_as_a_failed_pull_with_abcs_reason() {
    abc.putMember("30053", FakeAbc.memberRow("m1", "Ann", null));

    assertThatThrownBy(
            () -> adapter(FakeAbc.APP_KEY, Map.of(MAIN, "99999"), Set.of()).members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("ABC Evo answered an error for /99999/members")
        .hasMessageContaining("Invalid club number: 99999");

    abc.errorNext("An unexpected error occurred");
    assertThatThrownBy(() -> adapter().members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("An unexpected error occurred");
  }

  @Test
  void names_the_environment_variables_when_abc_refuses_the_key() {
    abc.putMember("30053", FakeAbc.memberRow("m1", "Ann", null));

    assertThatThrownBy(() -> adapter("wrong", Map.of(MAIN, "30053"), Set.of()).members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("refused the app_id " + FakeAbc.APP_ID)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("Authentication failed")
        .hasMessageContaining("GYMOPS_ABC_APP_KEY");
    assertThat(pauses).isEmpty();
  }

  @Test
  void says_which_variables_are_missing_without_calling_abc() {
    assertThatThrownBy(() -> adapter(null, Map.of(MAIN, "30053"), Set.of()).members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("GYMOPS_ABC_APP_ID and GYMOPS_ABC_APP_KEY");
    assertThat(abc.requests()).isEmpty();
  }

  @Test
  void retries_a_429_and_a_5xx_after_doubling_pauses() {
    abc.putMember("30053", FakeAbc.memberRow("m1", "Ann", null));
    abc.failNext(429, 503);

    assertThat(pullAll(adapter())).hasSize(1);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void gives_up_after_the_configured_attempts_with_abcs_answer() {
    abc.putMember("30053", FakeAbc.memberRow("m1", "Ann", null));
    abc.failNext(500, 502, 503);

    assertThatThrownBy(() -> adapter().members(null, null))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("failed after 3 attempts")
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void checks_the_credentials_by_reading_the_clubs_own_record() {
    abc.putMember("30053", FakeAbc.memberRow("m1", "Ann", null));
    ClubSystemSettings.Abc api =
        new ClubSystemSettings.Abc(
            abc.baseUrl(), FakeAbc.APP_ID, "wrong", Duration.ofSeconds(5), 1);

    new AbcSession(
            new ClubSystemSettings.Abc(
                abc.baseUrl(), FakeAbc.APP_ID, FakeAbc.APP_KEY, Duration.ofSeconds(5), 1),
            pauses::add)
        .check("30053");
    assertThatThrownBy(() -> new AbcSession(api, pauses::add).check("30053"))
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("GYMOPS_ABC_APP_ID");
  }
}
