package com.gymops.bench;

import java.util.List;

/**
 * Wall times of the recorded repetitions of one measurement, in seconds.
 *
 * @param spreadPercent (max - min) / median: how much the machine's noise moved the figure
 */
public record Timing(
    double medianSeconds,
    double minSeconds,
    double maxSeconds,
    double spreadPercent,
    List<Double> samplesSeconds) {
  public Timing {
    samplesSeconds = List.copyOf(samplesSeconds);
  }

  public static Timing ofNanos(List<Long> nanos) {
    if (nanos.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    List<Double> seconds = nanos.stream().map(n -> n / 1e9).toList();
    List<Double> sorted = seconds.stream().sorted().toList();
    int size = sorted.size();
    double median =
        size % 2 == 1
            ? sorted.get(size / 2)
            : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    double min = sorted.get(0);
    double max = sorted.get(size - 1);
    return new Timing(
        round(median), round(min), round(max), round(100 * (max - min) / median), seconds);
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
