package com.gymops.app;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.sync.ClubSync;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import com.gymops.fakes.FakeClubHub;
import com.gymops.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code club_system.system: clubhub}, wired by the composition root, against the fake ClubHub. */
class ClubHubSyncTest {
  private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
  private static final Map<String, String> CREDENTIALS =
      Map.of(
          "GYMOPS_CLUBHUB_USERNAME", FakeClubHub.USERNAME,
          "GYMOPS_CLUBHUB_PASSWORD", FakeClubHub.PASSWORD);

  @TempDir Path directory;

  private final FakeClubHub clubHub = FakeClubHub.start();
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private GymOpsApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    clubHub.close();
  }

  private GymOpsApp open(String clubExtras) {
    GymOpsConfig config =
        ConfigLoader.parse(
            "clubs: [{id: main, timezone: America/New_York, club_system_id: '1156'"
                + clubExtras
                + "}]\n"
                + "club_system: {system: clubhub, clubhub: {base_url: '"
                + clubHub.baseUrl()
                + "', page_size: 2}}\n"
                + "door: {system: clubhub}\n",
            CREDENTIALS,
            ZoneId.of("UTC"));
    app = GymOpsApp.open(config, directory, clock);
    return app;
  }

  private Member member(String id) {
    return app.stores().members().find(new MemberId(id)).orElseThrow();
  }

  @Test
  void stores_pulled_members_and_prospects_with_their_clubhub_id_beside_gymops_id() {
    clubHub
        .putMember("1156", FakeClubHub.memberRow(101, "Ann", "(217) 555-0101"))
        .putAgreement(101, FakeClubHub.agreement(9, "80.00", "Past Due more than 30 days."))
        .putMember("1156", FakeClubHub.memberRow(102, "Bob", "(217) 555-0102"))
        .putProspect("1156", FakeClubHub.memberRow(7, "Pat", "(217) 555-0107"));

    ClubSync.Result result = open("").clubSync().pull();

    assertThat(result.merged()).isEqualTo(3);
    assertThat(result.problems()).isEmpty();
    assertThat(member("101").pastDue()).isEqualTo(Money.parse("80.00"));
    assertThat(member("101").pastDueSince()).isEqualTo(LocalDate.of(2026, 2, 7));
    assertThat(member("prospect-7").status()).isEqualTo(MemberStatus.PROSPECT);
    assertThat(app.stores().clubLinks().find(new MemberId("101")))
        .contains(
            new ClubSystemLinks.Link(
                new MemberId("101"), "101", "past_due", LocalDate.of(2026, 3, 1)));
    assertThat(app.stores().clubLinks().find(new MemberId("prospect-7")).orElseThrow().externalId())
        .isEqualTo("7");
  }

  @Test
  void a_bad_row_is_skipped_and_reported_and_nothing_of_it_is_stored() {
    clubHub
        .putMember("1156", FakeClubHub.memberRow(101, "Ann", "(217) 555-0101"))
        .putMember("1156", FakeClubHub.memberRow(102, "Bob", "12"))
        .putMember("1156", FakeClubHub.memberRow(103, "Cy", "(217) 555-0103"))
        .putAgreement(103, FakeClubHub.agreement(9, "80.00", "Past Due 6-30 days"));
    Map<String, Object> noName = FakeClubHub.memberRow(104, "Di", null);
    noName.put("firstName", null);
    clubHub.putMember("1156", noName);

    ClubSync.Result result = open("").clubSync().pull();

    assertThat(result.merged()).isEqualTo(2);
    assertThat(result.problems())
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).startsWith("102: phone '12'"))
        .anySatisfy(problem -> assertThat(problem).startsWith("104: first_name is missing"));
    assertThat(app.stores().members().find(new MemberId("102"))).isEmpty();
    assertThat(app.stores().clubLinks().find(new MemberId("102"))).isEmpty();
    assertThat(app.stores().members().find(new MemberId("104"))).isEmpty();
  }

  @Test
  void a_debt_clubhub_gives_no_start_for_starts_at_the_first_pull_that_saw_it_and_keeps_it() {
    clubHub
        .putMember("1156", FakeClubHub.memberRow(101, "Ann", null))
        .putAgreement(101, FakeClubHub.agreement(9, "40.00", "Member is in good standing"));
    open("").clubSync().pull();
    assertThat(member("101").pastDueSince()).isEqualTo(LocalDate.of(2026, 3, 10));

    clock.advance(Duration.ofDays(9));
    clubHub.putAgreement(101, FakeClubHub.agreement(9, "80.00", "Past Due 6-30 days"));
    app.clubSync().pull();

    // "6-30 days" alone would say the 13th at the latest: the start on file is earlier.
    assertThat(member("101").pastDueSince()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(member("101").pastDue()).isEqualTo(Money.parse("80.00"));

    clock.advance(Duration.ofDays(1));
    clubHub.putAgreement(101, FakeClubHub.agreement(9, "0", "Member is in good standing"));
    app.clubSync().pull();
    clock.advance(Duration.ofDays(1));
    clubHub.putAgreement(101, FakeClubHub.agreement(9, "30.00", "Member is in good standing"));
    app.clubSync().pull();

    assertThat(member("101").pastDueSince()).isEqualTo(LocalDate.of(2026, 3, 21));
  }

  @Test
  void a_pull_invents_no_consent_and_keeps_what_gymops_recorded() {
    clubHub
        .putMember("1156", FakeClubHub.memberRow(101, "Ann", "(217) 555-0101"))
        .putMember("1156", FakeClubHub.memberRow(102, "Bob", "(217) 555-0102"));
    open("");
    // Bob's consent came with a CSV import; Ann replied STOP.
    app.stores()
        .members()
        .upsertAll(
            List.of(
                aMember()
                    .withId("101")
                    .withPhone("+12175550101")
                    .withConsent(true)
                    .optedOut()
                    .build(),
                aMember().withId("102").withPhone("+12175550102").withConsent(true).build()),
            NOW);
    clubHub.putMember("1156", FakeClubHub.memberRow(103, "Cy", "(217) 555-0103"));

    app.clubSync().pull();

    assertThat(member("101").smsOptedOut()).isTrue();
    assertThat(member("102").smsConsent()).isTrue();
    assertThat(member("103").smsConsent()).isFalse();
  }

  @Test
  void a_club_that_attests_consent_gets_it_on_its_pulled_members() {
    clubHub.putMember("1156", FakeClubHub.memberRow(101, "Ann", "(217) 555-0101"));

    open(", club_system_consent: attested").clubSync().pull();

    assertThat(member("101").smsConsent()).isTrue();
  }
}
