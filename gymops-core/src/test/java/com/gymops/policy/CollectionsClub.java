package com.gymops.policy;

import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The club the collections tests run in: New York time, default rules, and "now" on a Friday
 * morning inside the sending window, well clear of daylight-saving changes.
 */
final class CollectionsClub {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
  static final LocalDateTime NOW_LOCAL = TODAY.atTime(10, 0);
  static final Club CLUB =
      new Club(new ClubId("main"), "Main Street", ZONE, "+14155550100", "manager@example.com");

  private CollectionsClub() {}

  static Instant now() {
    return at(NOW_LOCAL);
  }

  static Instant at(LocalDateTime local) {
    return local.atZone(ZONE).toInstant();
  }

  static Clock clock() {
    return clockAt(NOW_LOCAL);
  }

  static Clock clockAt(LocalDateTime local) {
    return Clock.fixed(at(local), ZONE);
  }

  static Clock clockAtLocalTime(LocalTime time) {
    return clockAt(TODAY.atTime(time));
  }

  static ClubSnapshot snapshot(MemberSnapshot... members) {
    return snapshot(ClubPolicy.DEFAULTS, members);
  }

  static ClubSnapshot snapshot(ClubPolicy policy, MemberSnapshot... members) {
    return new ClubSnapshot(CLUB, policy, List.of(members));
  }

  static ClubSnapshot snapshot(ClubPolicy policy, List<MemberSnapshot> members) {
    return new ClubSnapshot(CLUB, policy, members);
  }

  static ClubPolicy withAccess(AccessRules access) {
    ClubPolicy d = ClubPolicy.DEFAULTS;
    return new ClubPolicy(
        d.messaging(), d.reminders(), access, d.escalation(), d.referral(), d.campaigns());
  }

  static ClubPolicy locksAllowedAtNight() {
    AccessRules d = AccessRules.DEFAULTS;
    return withAccess(
        new AccessRules(d.minPastDueAmount(), d.gracePeriodDays(), d.maxLocksPerRun(), true));
  }
}
