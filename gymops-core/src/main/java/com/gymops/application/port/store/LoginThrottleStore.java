package com.gymops.application.port.store;

import com.gymops.domain.ThrottleCounter;
import java.util.Optional;
import java.util.function.Function;

/** Login-attempt counters, one per account or address key. Thread-safe. */
public interface LoginThrottleStore {
  Optional<ThrottleCounter> find(String key);

  /**
   * Replaces the counter of {@code key} by {@code change} applied to it, atomically: of callers at
   * the same moment, each sees the others' updates, none is lost. {@code change} may be applied
   * more than once and must be pure.
   *
   * @return the counter stored
   */
  ThrottleCounter update(String key, Function<Optional<ThrottleCounter>, ThrottleCounter> change);

  void clear(String key);
}
