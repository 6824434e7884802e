package com.gymops.application.port.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SMS senders paused because the provider refuses the sender itself (unregistered 10DLC campaign,
 * unverified toll-free number, carrier filtering). Thread-safe.
 */
public interface SenderPauses {
  /** Why and since when a sender is paused. */
  record Pause(String sender, int errorCode, String reason, Instant pausedAt) {}

  /** Pauses {@code sender}; false when it was paused already (so the manager is told once). */
  boolean pause(Pause pause);

  Optional<Pause> find(String sender);

  List<Pause> all();

  /** Lifts the pause; false when the sender was not paused. */
  boolean release(String sender);
}
