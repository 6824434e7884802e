package com.gymops.bench;

/**
 * What the dispatch scenario measured: queued texts delivered by the real dispatcher through the
 * Twilio adapter to the fake Twilio on loopback, each pass on a fresh copy of the demo club's
 * database.
 *
 * @param unthrottled the sender's rate set so high that the pacer never waits
 * @param throttled one pass at the configured rate, long enough for the pacing to show
 */
public record DispatchFigures(Unthrottled unthrottled, Throttled throttled) {
  /**
   * @param run {@code Dispatcher.dispatch} from the first claim to the last message marked sent
   * @param baseline the same POSTs straight to the fake with {@code java.net.http}, one after the
   *     other: no outbox, no dispatcher, no pacer
   * @param ratio run median / baseline median
   * @param messagesPerSecond messages / run median
   */
  public record Unthrottled(
      int messages,
      int sent,
      int ratePerSecondSetting,
      Timing run,
      Timing baseline,
      double ratio,
      double messagesPerSecond,
      double baselineMessagesPerSecond) {}

  /**
   * @param seconds wall time of the dispatch pass
   * @param achievedPerSecond (messages - 1) / seconds: the first text leaves at once and the pacer
   *     spaces the others, so this is what a perfect pacer makes equal to the configured rate
   * @param deviationPercent (achieved - configured) / configured
   * @param withinGoal whether the deviation is within {@link #GOAL_PERCENT} either way
   *     (docs/BENCHMARKS.md)
   */
  public record Throttled(
      int messages,
      int sent,
      int configuredPerSecond,
      double seconds,
      double achievedPerSecond,
      double deviationPercent,
      boolean withinGoal) {
    public static final double GOAL_PERCENT = 5;
  }
}
