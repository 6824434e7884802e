package com.gymops.application.port.store;

import com.gymops.domain.ThrottleCounter;
import java.util.Optional;

/** Failed-login counters, one per account or address key. Thread-safe. */
public interface LoginThrottleStore {
  Optional<ThrottleCounter> find(String key);

  void save(String key, ThrottleCounter counter);

  void clear(String key);
}
