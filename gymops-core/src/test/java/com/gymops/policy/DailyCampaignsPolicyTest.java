package com.gymops.policy;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DailyCampaignsPolicyTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Club CLUB =
      new Club(new ClubId("main"), "Riverside Fitness", NEW_YORK, "+15550100100", null);
  private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);
  private static final Instant SIX_AM = local("2026-04-15T06:00");

  private static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  private static Plan plan(Instant now, MemberSnapshot... members) {
    return new DailyCampaignsPolicy()
        .plan(
            new ClubSnapshot(CLUB, ClubPolicy.DEFAULTS, Arrays.asList(members)),
            Clock.fixed(now, NEW_YORK));
  }

  private static Plan plan(MemberSnapshot... members) {
    return plan(SIX_AM, members);
  }

  private static MemberSnapshot snapshot(Member member, Object... keysAndInstants) {
    Map<String, Instant> sent = new HashMap<>();
    for (int i = 0; i < keysAndInstants.length; i += 2) {
      sent.put((String) keysAndInstants[i], (Instant) keysAndInstants[i + 1]);
    }
    return new MemberSnapshot(
        member, List.of(), new MarketingHistory(sent), Optional.empty(), Optional.empty());
  }

  private static Member prospect() {
    return aMember().withStatus(MemberStatus.PROSPECT).build();
  }

  private static List<String> templates(Plan plan) {
    return plan.actions().stream().map(Action::detail).toList();
  }

  @Test
  void welcomes_a_prospect_who_never_got_a_welcome() {
    Member member = prospect();

    Plan plan = plan(snapshot(member));

    assertThat(plan.actions()).hasSize(1);
    Action action = plan.actions().get(0);
    assertThat(action.member()).isEqualTo(member.id());
    assertThat(PlanEffects.withoutMessage(action.effect()))
        .isEqualTo(new Effect.SendCampaign("prospect_welcome", null));
    assertThat(action.rule()).isEqualTo("campaign.prospect.welcome");
    assertThat(action.inputs())
        .containsEntry("status", "PROSPECT")
        .containsEntry("joined_on", "2024-03-01")
        .containsEntry("last_sent", "never");
  }

  @Test
  void sends_a_welcomed_prospect_the_monthly_special() {
    Instant welcomed = local("2026-03-20T06:00");

    Plan plan = plan(snapshot(prospect(), "prospect_welcome", welcomed));

    assertThat(plan.actions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(PlanEffects.withoutMessage(action.effect()))
                  .isEqualTo(new Effect.SendCampaign("monthly_special", null));
              assertThat(action.rule()).isEqualTo("campaign.prospect.monthly");
            });
  }

  @Test
  void sends_the_monthly_special_in_the_month_of_the_welcome_once_the_day_has_passed() {
    Plan plan = plan(snapshot(prospect(), "prospect_welcome", local("2026-04-02T06:00")));

    assertThat(templates(plan)).containsExactly("monthly_special");
  }

  @Test
  void does_not_send_the_monthly_special_twice_in_one_month() {
    Plan plan =
        plan(
            snapshot(
                prospect(),
                "prospect_welcome",
                local("2026-02-01T06:00"),
                "monthly_special",
                local("2026-04-01T06:00")));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsExactly(Map.entry("already sent", 1));
  }

  @Test
  void sends_the_monthly_special_again_in_the_next_month() {
    MemberSnapshot member =
        snapshot(
            prospect(),
            "prospect_welcome",
            local("2026-02-01T06:00"),
            "monthly_special",
            local("2026-03-31T06:00"));

    assertThat(templates(plan(local("2026-04-01T06:00"), member)))
        .containsExactly("monthly_special");
  }

  @Test
  void reads_the_calendar_month_in_the_club_zone() {
    // 22:00 on March 31 in New York is already April 1 in UTC.
    Instant lastSpecial = local("2026-03-31T22:00");
    MemberSnapshot member =
        snapshot(
            prospect(),
            "prospect_welcome",
            local("2026-02-01T06:00"),
            "monthly_special",
            lastSpecial);

    assertThat(templates(plan(local("2026-04-01T06:00"), member)))
        .containsExactly("monthly_special");
  }

  @ParameterizedTest(name = "joined {0} days ago: green = {1}")
  @CsvSource({"0, true", "1, true", "29, true", "30, true", "31, false", "400, false"})
  void an_active_member_is_green_up_to_and_including_day_thirty(long daysAgo, boolean green) {
    Member member = aMember().joinedOn(TODAY.minusDays(daysAgo)).build();

    Plan plan = plan(snapshot(member));

    if (green) {
      assertThat(plan.actions())
          .singleElement()
          .satisfies(
              action -> {
                assertThat(PlanEffects.withoutMessage(action.effect()))
                    .isEqualTo(new Effect.SendCampaign("green_member_welcome", null));
                assertThat(action.rule()).isEqualTo("campaign.green.welcome");
              });
    } else {
      assertThat(plan.actions()).isEmpty();
      assertThat(plan.skipped()).isEmpty();
    }
  }

  @Test
  void counts_the_days_since_joining_in_the_club_zone() {
    // 23:00 on April 14 in New York is already April 15 in UTC, which would make it day 31.
    Member member = aMember().joinedOn(LocalDate.of(2026, 3, 15)).build();

    Plan plan = plan(local("2026-04-14T23:00"), snapshot(member));

    assertThat(templates(plan)).containsExactly("green_member_welcome");
  }

  @Test
  void a_member_whose_join_date_is_in_the_future_or_unknown_is_not_green() {
    Plan plan =
        plan(
            snapshot(aMember().joinedOn(TODAY.plusDays(1)).build()),
            snapshot(aMember().joinedOn(null).build()));

    assertThat(plan.actions()).isEmpty();
  }

  @Test
  void welcomes_a_green_member_only_once() {
    Member member = aMember().joinedOn(TODAY.minusDays(10)).build();

    Plan plan = plan(snapshot(member, "green_member_welcome", local("2026-04-06T06:00")));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsExactly(Map.entry("already sent", 1));
  }

  @Test
  void follows_the_club_green_days_setting() {
    ClubPolicy sevenGreenDays =
        new ClubPolicy(
            MessagingRules.DEFAULTS,
            ReminderRules.DEFAULTS,
            AccessRules.DEFAULTS,
            EscalationRules.DEFAULTS,
            ReferralRules.DEFAULTS,
            new CampaignRules(7, 30));
    Member dayEight = aMember().joinedOn(TODAY.minusDays(8)).build();

    Plan plan =
        new DailyCampaignsPolicy()
            .plan(
                new ClubSnapshot(CLUB, sevenGreenDays, List.of(snapshot(dayEight))),
                Clock.fixed(SIX_AM, NEW_YORK));

    assertThat(plan.actions()).isEmpty();
  }

  @ParameterizedTest(name = "last offer {0} days ago: offered again = {1}")
  @CsvSource({"1, false", "29, false", "30, true", "31, true", "365, true"})
  void offers_ppv_conversion_at_most_every_thirty_days(long daysAgo, boolean offered) {
    Member member = aMember().withStatus(MemberStatus.PPV).build();
    // Later in the day than this run, so counting hours instead of days would say 29.x.
    Instant lastOffer = local("2026-04-15T06:00:30").minus(Duration.ofDays(daysAgo));

    Plan plan = plan(snapshot(member, "ppv_conversion", lastOffer));

    if (offered) {
      assertThat(plan.actions())
          .singleElement()
          .satisfies(
              action -> {
                assertThat(PlanEffects.withoutMessage(action.effect()))
                    .isEqualTo(new Effect.SendCampaign("ppv_conversion", null));
                assertThat(action.rule()).isEqualTo("campaign.ppv.conversion");
                assertThat(action.inputs()).containsEntry("last_sent", lastOffer.toString());
              });
    } else {
      assertThat(plan.actions()).isEmpty();
      assertThat(plan.skipped()).containsExactly(Map.entry("already sent", 1));
    }
  }

  @Test
  void offers_ppv_conversion_to_a_ppv_member_never_offered() {
    Plan plan = plan(snapshot(aMember().withStatus(MemberStatus.PPV).build()));

    assertThat(templates(plan)).containsExactly("ppv_conversion");
  }

  @Test
  void sends_nobody_a_second_marketing_text_on_the_same_club_day() {
    // A prospect who got the welcome this morning and a PPV member who got another campaign today.
    MemberSnapshot prospect = snapshot(prospect(), "prospect_welcome", local("2026-04-15T00:30"));
    MemberSnapshot ppv =
        snapshot(
            aMember().withStatus(MemberStatus.PPV).build(),
            "monthly_special",
            local("2026-04-15T05:59"));

    Plan plan = plan(prospect, ppv);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsExactly(Map.entry("marketing sent today", 2));
  }

  @Test
  void a_text_late_yesterday_club_time_does_not_count_for_today() {
    // 23:30 on April 14 in New York is April 15 in UTC.
    MemberSnapshot member = snapshot(prospect(), "prospect_welcome", local("2026-04-14T23:30"));

    assertThat(templates(plan(member))).containsExactly("monthly_special");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "opted out,   true,  true,  +12125552671, 0.00",
    "opted out,   false, true,  +12125552671, 0.00",
    "no consent,  false, false, +12125552671, 0.00",
    "no consent,  false, false, ,             5.00",
    "no phone,    true,  false, ,             0.00",
    "no phone,    true,  false, '  ',         0.00",
    "has balance, true,  false, +12125552671, 0.01",
  })
  void sends_no_marketing_without_consent_phone_and_a_clear_account(
      String reason, boolean consent, boolean optedOut, String phone, String balance) {
    for (MemberStatus status :
        List.of(MemberStatus.PROSPECT, MemberStatus.PPV, MemberStatus.ACTIVE)) {
      var builder =
          aMember()
              .withStatus(status)
              .joinedOn(TODAY.minusDays(3))
              .withConsent(consent)
              .withPhone(phone)
              .withBalance(balance, TODAY.minusDays(5));
      if (optedOut) {
        builder.optedOut();
      }

      Plan plan = plan(snapshot(builder.build()));

      assertThat(plan.actions()).as(status.name()).isEmpty();
      assertThat(plan.skipped()).as(status.name()).containsExactly(Map.entry(reason, 1));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = MemberStatus.class,
      names = {"FROZEN", "CANCELLED"})
  void frozen_and_cancelled_members_get_nothing(MemberStatus status) {
    Member member = aMember().withStatus(status).joinedOn(TODAY.minusDays(2)).build();

    Plan plan = plan(snapshot(member));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).isEmpty();
  }

  @Test
  void summarises_the_texts_it_queues_by_category() {
    Plan plan =
        plan(
            snapshot(prospect()),
            snapshot(prospect(), "prospect_welcome", local("2026-03-01T06:00")),
            snapshot(aMember().joinedOn(TODAY.minusDays(1)).build()),
            snapshot(aMember().withStatus(MemberStatus.PPV).build()),
            snapshot(aMember().withStatus(MemberStatus.PPV).withConsent(false).build()),
            snapshot(aMember().build()));

    assertThat(plan.summary()).isEqualTo(new CampaignSummary(2, 1, 1, 0, 0));
    assertThat(((CampaignSummary) plan.summary()).textsQueued()).isEqualTo(4);
    assertThat(plan.skipped()).containsExactly(Map.entry("no consent", 1));
  }

  @Test
  void an_empty_club_plans_nothing_and_reports_zeros() {
    Plan plan = plan();

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.summary()).isEqualTo(new CampaignSummary(0, 0, 0, 0, 0));
  }

  @Test
  void the_same_inputs_give_the_same_plan() {
    MemberSnapshot member = snapshot(prospect());

    assertThat(plan(member)).isEqualTo(plan(member));
  }
}
