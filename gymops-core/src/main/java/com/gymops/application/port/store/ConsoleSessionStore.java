package com.gymops.application.port.store;

import com.gymops.domain.ConsoleSession;
import java.time.Instant;
import java.util.Optional;

/** The console's sessions, keyed by the hash of their token. Thread-safe. */
public interface ConsoleSessionStore {
  void open(ConsoleSession session);

  Optional<ConsoleSession> find(String tokenHash);

  /** Records that the session was used at {@code at}: what the idle timeout counts from. */
  void touch(String tokenHash, Instant at);

  /** Ends one session; a revoked session never opens again. */
  void revoke(String tokenHash, Instant at);

  /** Ends every open session of the user; returns how many. */
  int revokeAllOf(String email, Instant at);
}
