package com.gymops.bench;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one {@code gymops bench} measures and how often.
 *
 * @param members people in the demo club of the rules scenario (10% past due); the agent scenario
 *     uses clubs of a tenth of that and of that, so its past-due counts are 1% and 10% of it
 * @param warmups unrecorded runs of each timed scenario before the recorded ones, so the JIT and
 *     the caches are warm
 * @param repetitions recorded runs of each timed scenario
 * @param dispatchMessages texts of each unthrottled dispatch pass, to as many demo members
 * @param throttledMessages texts of the one dispatch pass at 10 per second
 * @param monthDays simulated days of the agent scenario's month (30 unless a test wants fewer)
 * @param monthMembers the demo club sizes of the agent scenario's month
 * @param clubs how many clubs the rules scenario's {@code members} are spread over, in one
 *     database: an operator's hourly fire runs both workflows for each of them
 */
public record BenchSettings(
    int members,
    long seed,
    int warmups,
    int repetitions,
    Set<Scenario> scenarios,
    int dispatchMessages,
    int throttledMessages,
    int monthDays,
    java.util.List<Integer> monthMembers,
    int clubs) {
  public static final int DEFAULT_DISPATCH_MESSAGES = 10_000;
  public static final int DEFAULT_MONTH_DAYS = 30;
  public static final java.util.List<Integer> DEFAULT_MONTH_MEMBERS =
      java.util.List.of(2_000, 20_000);

  /** 15 s at 10 per second: long enough for the pacing to show, short enough for the bench. */
  public static final int DEFAULT_THROTTLED_MESSAGES = 150;

  public BenchSettings(
      int members, long seed, int warmups, int repetitions, Set<Scenario> scenarios) {
    this(
        members,
        seed,
        warmups,
        repetitions,
        scenarios,
        DEFAULT_DISPATCH_MESSAGES,
        DEFAULT_THROTTLED_MESSAGES,
        DEFAULT_MONTH_DAYS,
        DEFAULT_MONTH_MEMBERS,
        1);
  }

  public BenchSettings {
    if (members < 10) {
      throw new IllegalArgumentException("members must be at least 10, not " + members);
    }
    if (warmups < 0) {
      throw new IllegalArgumentException("warm-ups must not be negative, not " + warmups);
    }
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be at least 1, not " + repetitions);
    }
    if (dispatchMessages < 1 || throttledMessages < 1) {
      throw new IllegalArgumentException(
          "dispatch needs at least one text per pass, not "
              + dispatchMessages
              + " and "
              + throttledMessages);
    }
    if (monthDays < 1 || monthDays > 366) {
      throw new IllegalArgumentException("the agent month must be 1 to 366 days, not " + monthDays);
    }
    monthMembers = java.util.List.copyOf(monthMembers);
    if (monthMembers.isEmpty() || monthMembers.stream().anyMatch(m -> m < 10)) {
      throw new IllegalArgumentException(
          "the agent month needs club sizes of at least 10 members, not " + monthMembers);
    }
    if (clubs < 1 || members / clubs < 10) {
      throw new IllegalArgumentException(
          "the rules scenario needs 1 or more clubs of at least 10 members, not "
              + members
              + " members in "
              + clubs
              + " clubs");
    }
    Objects.requireNonNull(scenarios, "scenarios");
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("choose at least one scenario");
    }
    scenarios = Set.copyOf(EnumSet.copyOf(scenarios));
  }

  public boolean includes(Scenario scenario) {
    return scenarios.contains(scenario);
  }
}
