package com.gymops.application.care;

import com.gymops.application.port.store.AuditLog;
import com.gymops.domain.AuditEntry;
import com.gymops.domain.ClubId;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Writes the audit log: every manual action, hold, pause and decision, with its actor. */
public final class Audit {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final AuditLog log;
  private final Clock clock;

  public Audit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  public void record(
      Actor actor,
      ClubId club,
      String action,
      String target,
      String before,
      String after,
      String reason) {
    log.add(
        new AuditEntry(
            id(), clock.instant(), actor.name(), club, action, target, before, after, reason));
  }

  /**
   * Sorts by time, then by the order of this process, then at random: entries of one instant (a
   * fixed clock, a fast script) keep their order, and ids from several nodes never collide.
   */
  private String id() {
    Instant now = clock.instant();
    return String.format(
        Locale.ROOT,
        "aud-%013d%06d-%09d-%s",
        now.getEpochSecond(),
        now.getNano() / 1000,
        SEQUENCE.incrementAndGet() % 1_000_000_000L,
        UUID.randomUUID().toString().substring(0, 8));
  }

  public static String member(Object id) {
    return "member:" + id;
  }
}
