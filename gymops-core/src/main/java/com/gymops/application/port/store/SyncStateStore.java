package com.gymops.application.port.store;

import java.time.Instant;
import java.util.Optional;

/** How far each pull from another system got (its watermark). Thread-safe. */
public interface SyncStateStore {
  Optional<Instant> watermark(String name);

  void save(String name, Instant watermark, Instant at);
}
