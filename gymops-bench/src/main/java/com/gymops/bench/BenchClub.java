package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.config.AgentSettings;
import com.gymops.config.ClubSettings;
import com.gymops.config.DatabaseSettings;
import com.gymops.config.DoorSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.MessagingSettings;
import com.gymops.config.TwilioSettings;
import com.gymops.domain.Club;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The club every scenario runs: the configuration's first club (with a fictional manager if it has
 * none, as in the demo), always on an embedded database, at a fixed mid-morning instant inside the
 * sending window, so that a run's work does not depend on when the bench is started.
 */
record BenchClub(GymOpsConfig config, LocalDate today, Instant at) {
  private static final LocalTime RUN_TIME = LocalTime.of(10, 0);

  static BenchClub from(GymOpsConfig configured, Clock clock) {
    ClubSettings club = withManager(configured.clubs().get(0));
    GymOpsConfig config =
        new GymOpsConfig(
            java.util.List.of(club),
            DatabaseSettings.EMBEDDED,
            // A benchmark's demo club must never text a real phone or move a real door.
            configured.messaging().loggedOnly(),
            configured.server(),
            configured.agent(),
            DoorSettings.BUILTIN);
    LocalDate today = LocalDate.now(clock.withZone(club.club().zone()));
    return new BenchClub(
        config, today, today.atTime(RUN_TIME).atZone(club.club().zone()).toInstant());
  }

  ClubSettings settings() {
    return config.clubs().get(0);
  }

  Club club() {
    return settings().club();
  }

  GymOpsApp open(Path dataDir) {
    return open(dataDir, Clock.fixed(at, club().zone()));
  }

  GymOpsApp open(Path dataDir, Clock clock) {
    return GymOpsApp.open(config, dataDir, clock);
  }

  /** The same club on another database: the rules scenario's copies on PostgreSQL. */
  BenchClub withDatabase(DatabaseSettings database) {
    return new BenchClub(
        new GymOpsConfig(
            config.clubs(),
            database,
            config.messaging(),
            config.server(),
            config.agent(),
            config.door()),
        today,
        at);
  }

  /**
   * An operator of {@code count} clubs like this one (same zone, rules and workflows), named {@code
   * <id>-001} and on; this club itself when {@code count} is 1.
   */
  BenchClub withClubs(int count) {
    if (count == 1) {
      return this;
    }
    java.util.List<ClubSettings> clubs = new java.util.ArrayList<>(count);
    Club first = club();
    for (int i = 1; i <= count; i++) {
      String id = String.format("%s-%03d", first.id().value(), i);
      clubs.add(
          new ClubSettings(
              new Club(
                  new com.gymops.domain.ClubId(id),
                  first.name() + " " + i,
                  first.zone(),
                  first.managerPhone(),
                  first.managerEmail()),
              settings().policy(),
              settings().workflows()));
    }
    return new BenchClub(
        new GymOpsConfig(
            clubs,
            config.database(),
            config.messaging(),
            config.server(),
            config.agent(),
            config.door()),
        today,
        at);
  }

  /** The same club whose agent talks to {@code agent}'s base URL with its key. */
  BenchClub withAgent(AgentSettings agent) {
    return new BenchClub(
        new GymOpsConfig(
            config.clubs(),
            config.database(),
            config.messaging(),
            config.server(),
            agent,
            config.door()),
        today,
        at);
  }

  /**
   * The same club whose texts go through the Twilio adapter to {@code twilio}, paced at {@code
   * ratePerSecond}; e-mail stays logged. Only the dispatch scenario uses it, with the loopback
   * fake.
   */
  BenchClub withTwilio(TwilioSettings twilio, int ratePerSecond) {
    MessagingSettings messaging = config.messaging();
    return new BenchClub(
        new GymOpsConfig(
            config.clubs(),
            config.database(),
            new MessagingSettings(
                "twilio",
                "log",
                messaging.defaultRegion(),
                messaging.optOutText(),
                messaging.templates(),
                ratePerSecond,
                null,
                twilio,
                null),
            config.server(),
            config.agent(),
            config.door()),
        today,
        at);
  }

  private static ClubSettings withManager(ClubSettings settings) {
    Club club = settings.club();
    if (club.managerPhone() != null || club.managerEmail() != null) {
      return settings;
    }
    return new ClubSettings(
        new Club(club.id(), club.name(), club.zone(), "+12015550100", "manager@example.com"),
        settings.policy(),
        settings.workflows());
  }
}
