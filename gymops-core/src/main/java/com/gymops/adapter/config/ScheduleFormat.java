package com.gymops.adapter.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule strings a workflow section accepts: {@code HH:MM} (daily), {@code hourly}, {@code
 * monthly D HH:MM} and, for the referral only, {@code fortnightly HH:MM}. Days stop at 28 so a
 * monthly run happens in February too.
 */
final class ScheduleFormat {
  private static final Pattern MONTHLY = Pattern.compile("monthly\\s+(\\d{1,2})\\s+(\\S+)");
  private static final Pattern FORTNIGHTLY = Pattern.compile("fortnightly\\s+(\\S+)");

  private ScheduleFormat() {}

  /**
   * Returns the schedule with its spacing normalised.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is none of them
   */
  static String check(String text, boolean fortnightlyAllowed) {
    String schedule = text.trim().replaceAll("\\s+", " ");
    if (schedule.equals("hourly")) {
      return schedule;
    }
    Matcher monthly = MONTHLY.matcher(schedule);
    if (monthly.matches()) {
      int day = Integer.parseInt(monthly.group(1));
      if (day < 1 || day > 28) {
        throw new IllegalArgumentException(
            "'" + text + "': the day of the month must be 1 to 28 so every month has it");
      }
      checkTime(text, monthly.group(2));
      return schedule;
    }
    Matcher fortnightly = FORTNIGHTLY.matcher(schedule);
    if (fortnightly.matches()) {
      if (!fortnightlyAllowed) {
        throw new IllegalArgumentException(
            "'" + text + "': only the referral workflow runs fortnightly");
      }
      checkTime(text, fortnightly.group(1));
      return schedule;
    }
    if (schedule.matches("\\d{1,2}:\\d{2}")) {
      ConfigNode.parseTimeOfDay(schedule);
      return schedule;
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a schedule (use HH:MM for daily, hourly, monthly D HH:MM"
            + (fortnightlyAllowed ? ", fortnightly HH:MM" : "")
            + ")");
  }

  private static void checkTime(String text, String time) {
    try {
      ConfigNode.parseTimeOfDay(time);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
    }
  }
}
