package com.gymops.policy;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import java.time.Clock;
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

class OneOffMessagePolicyTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Club CLUB =
      new Club(new ClubId("main"), "Riverside Fitness", NEW_YORK, "+15550100100", null);
  private static final Instant TEN_AM = local("2026-04-15T10:00");
  private static final Instant DAY_START = local("2026-04-15T00:00");
  private static final OneOffMessage OPEN_HOUSE =
      new OneOffMessage(
          "msg-1",
          MessageSegment.PROSPECTS,
          "Hi {first_name}, open house Saturday 10-2. Bring a friend!",
          DAY_START);

  private static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  private static Plan plan(OneOffMessage message, MemberSnapshot... members) {
    return new OneOffMessagePolicy(message)
        .plan(
            new ClubSnapshot(CLUB, ClubPolicy.DEFAULTS, Arrays.asList(members)),
            Clock.fixed(TEN_AM, NEW_YORK));
  }

  private static MemberSnapshot snapshot(Member member, Object... keysAndInstants) {
    Map<String, Instant> sent = new HashMap<>();
    for (int i = 0; i < keysAndInstants.length; i += 2) {
      sent.put((String) keysAndInstants[i], (Instant) keysAndInstants[i + 1]);
    }
    return new MemberSnapshot(
        member, List.of(), new MarketingHistory(sent), Optional.empty(), Optional.empty());
  }

  private static Member prospect(String id, String first) {
    return aMember().withId(id).named(first, "Lee").withStatus(MemberStatus.PROSPECT).build();
  }

  @Test
  void texts_each_prospect_who_may_get_marketing_the_words_with_the_club_first_and_stop_last() {
    Plan plan = plan(OPEN_HOUSE, snapshot(prospect("P1", "Ann")), snapshot(prospect("P2", "Bo")));

    assertThat(plan.actions()).extracting(a -> a.member().value()).containsExactly("P1", "P2");
    Action first = plan.actions().get(0);
    assertThat(first.rule()).isEqualTo(OneOffMessagePolicy.RULE);
    Effect.SendCampaign text = (Effect.SendCampaign) first.effect();
    assertThat(text.templateKey()).isEqualTo(MessageTemplates.ONE_OFF_MESSAGE);
    assertThat(text.message().text())
        .isEqualTo(
            "Riverside Fitness: Hi Ann, open house Saturday 10-2. Bring a friend! Reply STOP to"
                + " opt out.");
    assertThat(OneOffMessage.of(first.inputs())).contains(OPEN_HOUSE);
    assertThat(plan.summary()).isEqualTo(new CampaignSummary(0, 0, 0, 2, 0));
  }

  @Test
  void skips_whom_the_campaign_rules_skip_and_whoever_was_texted_marketing_today_or_had_it() {
    Plan plan =
        plan(
            OPEN_HOUSE,
            snapshot(prospect("P1", "Ann")),
            snapshot(aMember().withId("P2").withStatus(MemberStatus.PROSPECT).optedOut().build()),
            snapshot(
                aMember()
                    .withId("P3")
                    .withStatus(MemberStatus.PROSPECT)
                    .withConsent(false)
                    .build()),
            snapshot(
                aMember()
                    .withId("P4")
                    .withStatus(MemberStatus.PROSPECT)
                    .withBalance("20.00", LocalDate.of(2026, 3, 1))
                    .build()),
            snapshot(
                prospect("P5", "Cy"), MessageTemplates.PROSPECT_WELCOME, local("2026-04-15T09:00")),
            snapshot(
                prospect("P6", "Di"), MessageTemplates.ONE_OFF_MESSAGE, local("2026-04-14T23:59")),
            snapshot(aMember().withId("A1").withStatus(MemberStatus.ACTIVE).build()));

    assertThat(plan.actions()).extracting(a -> a.member().value()).containsExactly("P1", "P6");
    assertThat(plan.skipped())
        .containsEntry(DailyCampaignsPolicy.SKIP_OPTED_OUT, 1)
        .containsEntry(DailyCampaignsPolicy.SKIP_NO_CONSENT, 1)
        .containsEntry(DailyCampaignsPolicy.SKIP_HAS_BALANCE, 1)
        .containsEntry(DailyCampaignsPolicy.SKIP_SENT_TODAY, 1)
        .hasSize(4);
  }

  @Test
  void a_member_texted_a_one_off_since_the_message_was_asked_for_does_not_get_it_again() {
    OneOffMessage askedYesterday =
        new OneOffMessage(
            "msg-2", MessageSegment.PROSPECTS, "Open house!", local("2026-04-14T00:00"));

    Plan plan =
        plan(
            askedYesterday,
            snapshot(
                prospect("P1", "Ann"),
                MessageTemplates.ONE_OFF_MESSAGE,
                local("2026-04-14T15:00")));

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.skipped()).containsEntry(OneOffMessagePolicy.SKIP_HAD_IT, 1);
  }

  @Test
  void segments_are_the_campaign_audiences() {
    LocalDate today = LocalDate.of(2026, 4, 15);
    Member fresh = aMember().withStatus(MemberStatus.ACTIVE).joinedOn(today.minusDays(3)).build();
    Member longtime =
        aMember().withStatus(MemberStatus.ACTIVE).joinedOn(today.minusYears(2)).build();
    Member frozen = aMember().withStatus(MemberStatus.FROZEN).build();
    Member ppv = aMember().withStatus(MemberStatus.PPV).build();
    CampaignRules rules = CampaignRules.DEFAULTS;

    assertThat(MessageSegment.NEW_MEMBERS.contains(fresh, today, rules)).isTrue();
    assertThat(MessageSegment.NEW_MEMBERS.contains(longtime, today, rules)).isFalse();
    assertThat(MessageSegment.MEMBERS.contains(longtime, today, rules)).isTrue();
    assertThat(MessageSegment.PPV.contains(ppv, today, rules)).isTrue();
    assertThat(MessageSegment.EVERYONE.contains(ppv, today, rules)).isTrue();
    assertThat(MessageSegment.EVERYONE.contains(frozen, today, rules)).isFalse();
    assertThatThrownBy(() -> MessageSegment.fromCode("vips"))
        .hasMessage(
            "unknown segment 'vips'; known segments are prospects, new_members, ppv, members,"
                + " everyone");
  }

  @Test
  void the_words_are_checked_once_and_made_plain() {
    assertThat(OneOffMessage.words("  It\u2019s our \u201Cbig\u201D day \u2013 come\u2026 "))
        .isEqualTo("It's our \"big\" day - come...");
    assertThatThrownBy(() -> OneOffMessage.words(" ")).hasMessage("the message is empty");
    assertThatThrownBy(() -> OneOffMessage.words("x".repeat(241)))
        .hasMessage("the message is 241 characters; at most 240");
    assertThatThrownBy(() -> OneOffMessage.words("Hi {amount}, pay now"))
        .hasMessage("the message may use {first_name} and no other braces");
    assertThatThrownBy(() -> OneOffMessage.words("Hi\u0007there"))
        .hasMessage("the message has a control character at position 3");
    assertThat(OneOffMessage.words("Hi {first_name}!\nSee you"))
        .isEqualTo("Hi {first_name}!\nSee you");
  }
}
