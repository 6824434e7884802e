package com.gymops.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

class DemoClubGeneratorProperties {
  private static final ClubId CLUB = new ClubId("downtown");

  @Property(tries = 60)
  void any_club_keeps_the_invariants_the_workflows_rely_on(
      @ForAll @IntRange(min = 1, max = 400) int memberCount,
      @ForAll long seed,
      @ForAll @DateRange(min = "2020-01-01", max = "2035-12-31") LocalDate today,
      @ForAll("zones") ZoneId zone) {
    DemoData data = new DemoClubGenerator(today, zone).generate(CLUB, memberCount, seed);
    Instant startOfToday = today.atStartOfDay(zone).toInstant();

    assertThat(data.members()).hasSize(memberCount);
    assertThat(data.members()).extracting(Member::id).doesNotHaveDuplicates();
    assertThat(data.members())
        .allSatisfy(
            member -> {
              assertThat(member.clubId()).isEqualTo(CLUB);
              assertThat(member.isPastDue()).isEqualTo(member.pastDueSince() != null);
              if (member.isPastDue()) {
                assertThat(member.pastDueSince()).isBeforeOrEqualTo(today);
              }
              if (member.door().isLockedForPayment() && member.isPastDue()) {
                assertThat(member.pastDueSince()).isBefore(today.minusDays(3));
              }
            });
    Set<MemberId> ids = data.members().stream().map(Member::id).collect(Collectors.toSet());
    assertThat(data.attempts())
        .allSatisfy(
            attempt -> {
              assertThat(attempt.attemptedAt()).isBefore(startOfToday);
              assertThat(ids).contains(attempt.memberId());
            });
  }

  @Property(tries = 30)
  void the_same_seed_gives_the_same_club(
      @ForAll @IntRange(min = 1, max = 200) int memberCount, @ForAll long seed) {
    DemoClubGenerator generator =
        new DemoClubGenerator(LocalDate.of(2026, 1, 31), ZoneId.of("America/Los_Angeles"));

    DemoData first = generator.generate(CLUB, memberCount, seed);
    DemoData second = generator.generate(CLUB, memberCount, seed);

    assertThat(second).isEqualTo(first);
    assertThat(second.attempts())
        .extracting(CollectionAttempt::memberId)
        .isSortedAccordingTo((left, right) -> left.value().compareTo(right.value()));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
        ZoneId.of("America/New_York"),
        ZoneId.of("America/Phoenix"),
        ZoneId.of("Pacific/Honolulu"),
        ZoneId.of("Europe/Berlin"),
        ZoneId.of("UTC"));
  }
}
