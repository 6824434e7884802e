package com.gymops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DailyCampaignsProperties {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Club CLUB =
      new Club(new ClubId("main"), "Riverside Fitness", NEW_YORK, null, null);
  private static final Instant NOW = Instant.parse("2026-04-15T10:00:00Z");
  private static final List<String> MARKETING_KEYS =
      List.of("prospect_welcome", "monthly_special", "green_member_welcome", "ppv_conversion");

  @Property(tries = 500)
  void no_marketing_ever_goes_to_a_member_without_consent_or_with_a_balance(
      @ForAll("clubs") List<MemberSnapshot> members) {
    Plan plan = plan(members);

    Map<MemberId, Member> byId =
        members.stream()
            .map(MemberSnapshot::member)
            .collect(Collectors.toMap(Member::id, Function.identity()));
    for (Action action : plan.actions()) {
      Member member = byId.get(action.member());
      assertThat(action.effect()).isInstanceOf(Effect.SendCampaign.class);
      assertThat(member.smsConsent()).isTrue();
      assertThat(member.smsOptedOut()).isFalse();
      assertThat(member.pastDue()).isEqualTo(Money.ZERO);
      assertThat(member.phone()).isNotBlank();
      assertThat(member.status()).isNotIn(MemberStatus.FROZEN, MemberStatus.CANCELLED);
    }
  }

  @Property(tries = 500)
  void nobody_gets_more_than_one_marketing_text_a_day(
      @ForAll("clubs") List<MemberSnapshot> members) {
    Plan plan = plan(members);

    List<MemberId> recipients = plan.actions().stream().map(Action::member).toList();
    assertThat(recipients).doesNotHaveDuplicates();
    Set<MemberId> sentToday =
        members.stream()
            .filter(
                member ->
                    member.marketing().lastSentByTemplate().values().stream()
                        .anyMatch(
                            sent ->
                                LocalDate.ofInstant(sent, NEW_YORK)
                                    .equals(LocalDate.ofInstant(NOW, NEW_YORK))))
            .map(member -> member.member().id())
            .collect(Collectors.toSet());
    assertThat(recipients).noneMatch(sentToday::contains);
  }

  @Property(tries = 200)
  void every_member_in_an_audience_is_either_planned_or_counted_as_skipped(
      @ForAll("clubs") List<MemberSnapshot> members) {
    Plan plan = plan(members);

    int skipped = plan.skipped().values().stream().mapToInt(Integer::intValue).sum();
    long audience =
        members.stream()
            .map(MemberSnapshot::member)
            .filter(
                member ->
                    member.status() == MemberStatus.PROSPECT
                        || member.status() == MemberStatus.PPV
                        || DailyCampaignsPolicy.isGreen(
                            member, LocalDate.ofInstant(NOW, NEW_YORK), CampaignRules.DEFAULTS))
            .count();
    assertThat(plan.actions().size() + skipped).isEqualTo(audience);
    assertThat(((CampaignSummary) plan.summary()).textsQueued()).isEqualTo(plan.actions().size());
  }

  private static Plan plan(List<MemberSnapshot> members) {
    return new DailyCampaignsPolicy()
        .plan(new ClubSnapshot(CLUB, ClubPolicy.DEFAULTS, members), Clock.fixed(NOW, NEW_YORK));
  }

  @Provide
  Arbitrary<List<MemberSnapshot>> clubs() {
    return Arbitraries.integers()
        .between(0, 20)
        .flatMap(
            size ->
                Combinators.combine(memberOf(), history())
                    .as(
                        (member, history) ->
                            new MemberSnapshot(
                                member, List.of(), history, Optional.empty(), Optional.empty()))
                    .list()
                    .ofSize(size)
                    .map(DailyCampaignsProperties::withUniqueIds));
  }

  private static List<MemberSnapshot> withUniqueIds(List<MemberSnapshot> members) {
    return IntStream.range(0, members.size())
        .mapToObj(
            index -> {
              MemberSnapshot snapshot = members.get(index);
              Member m = snapshot.member();
              Member renamed = m.withId(new MemberId("P" + index));
              return new MemberSnapshot(
                  renamed,
                  snapshot.attempts(),
                  snapshot.marketing(),
                  snapshot.openReferral(),
                  snapshot.lastEscalation());
            })
        .toList();
  }

  private static Arbitrary<Member> memberOf() {
    Arbitrary<MemberStatus> statuses = Arbitraries.of(MemberStatus.class);
    Arbitrary<LocalDate> joined =
        Arbitraries.integers()
            .between(-3, 90)
            .map(days -> LocalDate.of(2026, 4, 15).minusDays(days));
    Arbitrary<Money> balances =
        Arbitraries.oneOf(
            Arbitraries.just(Money.ZERO),
            Arbitraries.longs().between(1, 100_000).map(Money::ofCents));
    Arbitrary<String> phones = Arbitraries.of("+12125552671", "", " ").injectNull(0.2);
    Arbitrary<Boolean> flags = Arbitraries.of(true, false);
    return Combinators.combine(statuses, joined, balances, phones, flags, flags)
        .as(
            (status, joinedOn, balance, phone, consent, optedOut) ->
                new Member(
                    new MemberId("P"),
                    new ClubId("main"),
                    "Sam",
                    "Lee",
                    phone,
                    null,
                    status,
                    joinedOn,
                    balance,
                    balance.isPositive() ? joinedOn : null,
                    consent,
                    optedOut,
                    DoorAccess.OPEN));
  }

  private static Arbitrary<MarketingHistory> history() {
    Arbitrary<Instant> sentAt =
        Arbitraries.longs()
            .between(0, Duration.ofDays(120).toSeconds())
            .map(secondsAgo -> NOW.minusSeconds(secondsAgo));
    return Arbitraries.subsetOf(MARKETING_KEYS)
        .flatMap(
            keys ->
                sentAt
                    .list()
                    .ofSize(keys.size())
                    .map(
                        instants -> {
                          Map<String, Instant> sent = new HashMap<>();
                          List<String> ordered = List.copyOf(keys);
                          for (int i = 0; i < ordered.size(); i++) {
                            sent.put(ordered.get(i), instants.get(i));
                          }
                          return new MarketingHistory(sent);
                        }));
  }
}
