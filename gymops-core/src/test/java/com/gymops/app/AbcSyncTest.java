package com.gymops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.sync.ClubSync;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.IntegrationHealth;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import com.gymops.fakes.FakeAbc;
import com.gymops.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code club_system.system: abc}, wired by the composition root, against the fake ABC Evo. */
class AbcSyncTest {
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final Map<String, String> KEYS =
      Map.of("GYMOPS_ABC_APP_ID", FakeAbc.APP_ID, "GYMOPS_ABC_APP_KEY", FakeAbc.APP_KEY);

  @TempDir Path directory;

  private final FakeAbc abc = FakeAbc.start();
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private GymOpsApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    abc.close();
  }

  private GymOpsApp open() {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, timezone: America/New_York, club_system_id: '30053'}]\n"
                + "club_system: {system: abc, abc: {base_url: '"
                + abc.baseUrl()
                + "', attempts: 1}}\n",
            KEYS,
            ZoneId.of("UTC"));
    app = GymOpsApp.open(config, directory, clock);
    return app;
  }

  private Member member(String id) {
    return app.stores().members().find(new MemberId(id)).orElseThrow();
  }

  @Test
  void stores_pulled_members_with_their_abc_id_beside_gymops_id() {
    Map<String, Object> late = FakeAbc.memberRow("a1", "Ann", "(512) 555-0101");
    FakeAbc.agreement(late).put("isPastDue", "true");
    FakeAbc.agreement(late).put("totalPastDueBalance", "80.00");
    Map<String, Object> prospect = FakeAbc.memberRow("p7", "Pat", "(512) 555-0107");
    FakeAbc.personal(prospect).put("joinStatus", "Prospect");
    abc.pageSize(1)
        .putMember("30053", late)
        .putMember("30053", FakeAbc.memberRow("b2", "Bob", "(512) 555-0102"))
        .putMember("30053", prospect);

    ClubSync.Result result = open().clubSync().pull();

    assertThat(result.merged()).isEqualTo(3);
    assertThat(result.problems()).isEmpty();
    assertThat(member("a1").pastDue()).isEqualTo(Money.parse("80.00"));
    assertThat(member("a1").pastDueSince()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(member("p7").status()).isEqualTo(MemberStatus.PROSPECT);
    assertThat(member("b2").smsConsent()).isFalse();
    assertThat(app.stores().clubLinks().find(new MemberId("a1")))
        .contains(
            new ClubSystemLinks.Link(
                new MemberId("a1"), "a1", "past_due", LocalDate.of(2026, 3, 1)));
  }

  @Test
  void a_bad_record_is_skipped_and_reported_and_nothing_of_it_is_stored() {
    Map<String, Object> badPhone = FakeAbc.memberRow("b2", "Bob", "12");
    Map<String, Object> badAmount = FakeAbc.memberRow("c3", "Cy", "(512) 555-0103");
    FakeAbc.agreement(badAmount).put("totalPastDueBalance", "lots");
    abc.putMember("30053", FakeAbc.memberRow("a1", "Ann", "(512) 555-0101"))
        .putMember("30053", badPhone)
        .putMember("30053", badAmount);

    ClubSync.Result result = open().clubSync().pull();

    assertThat(result.merged()).isEqualTo(1);
    assertThat(result.problems())
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).startsWith("b2: phone '12'"))
        .anySatisfy(problem -> assertThat(problem).startsWith("c3:"));
    assertThat(app.stores().members().find(new MemberId("b2"))).isEmpty();
    assertThat(app.stores().clubLinks().find(new MemberId("b2"))).isEmpty();
    assertThat(app.stores().members().find(new MemberId("c3"))).isEmpty();
  }

  @Test
  void an_error_abc_answers_as_200_fails_the_pull_and_shows_as_the_club_systems_health() {
    abc.putMember("30053", FakeAbc.memberRow("a1", "Ann", "(512) 555-0101"))
        .errorNext("Service temporarily unavailable for club 30053");
    open();

    assertThatThrownBy(() -> app.clubSync().pull())
        .isInstanceOf(ClubSystemException.class)
        .hasMessageContaining("Service temporarily unavailable for club 30053");

    IntegrationHealth health =
        Persistence.integrationHealth(app.database()).all().stream()
            .filter(entry -> entry.name().equals("club_system"))
            .findFirst()
            .orElseThrow();
    assertThat(health.lastError())
        .contains("ABC Evo answered an error")
        .contains("Service temporarily unavailable for club 30053");
    assertThat(app.stores().members().find(new MemberId("a1"))).isEmpty();
  }
}
