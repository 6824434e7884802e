package com.gymops.adapter;

import java.time.Duration;

/**
 * Waits. Adapters pace and back off through it rather than calling {@link Thread#sleep} so tests
 * can step a clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
