package com.gymops.adapter.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.gymops.policy.Fortnight;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a workflow fires for a club, in the club's zone. The scheduler asks it for the next fire
 * after each run; {@code gymops schedule} asks the same objects, so what it prints is what runs.
 *
 * <p>After an outage the scheduler finds one overdue execution, runs it once, and asks for the next
 * fire after the time it finished: N missed fires become exactly one catch-up run.
 */
public interface FireSchedule extends Schedule {
  /** The first fire strictly after {@code instant}. */
  Instant nextAfter(Instant instant);

  /** The latest fire at or before {@code instant}: the fire an overdue execution stands for. */
  Instant latestAtOrBefore(Instant instant);

  ZoneId zone();

  @Override
  default Instant getNextExecutionTime(ExecutionComplete executionComplete) {
    return nextAfter(executionComplete.getTimeDone());
  }

  @Override
  default boolean isDeterministic() {
    return true;
  }

  /**
   * Reads a schedule as the config writes it (validated there): {@code HH:MM}, {@code hourly},
   * {@code monthly D HH:MM} or {@code fortnightly HH:MM}.
   *
   * @param anchor the Monday the fortnight counts from
   */
  static FireSchedule parse(String expression, ZoneId zone, LocalDate anchor) {
    String[] words = expression.trim().split("\\s+");
    return switch (words[0]) {
      case "hourly" -> new HourlySchedule(zone);
      case "monthly" ->
          new LocalTimeSchedule(
              new LocalTimeSchedule.DayOfMonth(Integer.parseInt(words[1])),
              LocalTime.parse(pad(words[2])),
              zone);
      case "fortnightly" ->
          new LocalTimeSchedule(
              new LocalTimeSchedule.EveryOtherMonday(new Fortnight(anchor)),
              LocalTime.parse(pad(words[1])),
              zone);
      default ->
          new LocalTimeSchedule(
              new LocalTimeSchedule.EveryDay(), LocalTime.parse(pad(words[0])), zone);
    };
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }
}
