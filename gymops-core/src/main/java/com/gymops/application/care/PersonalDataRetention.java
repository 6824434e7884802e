package com.gymops.application.care;

import com.gymops.application.port.store.InboundStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.TranscriptStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets what members and the model wrote once it is older than {@code server.retention_days}:
 * agent transcripts are deleted, and the text of messages sent and received is replaced by a
 * marker. Kept: the audit trail, payments and balances, runs and their reports, and each message's
 * row (recipient, status, times), which the texting rules and the audit still need
 * (docs/SECURITY.md). {@code serve} calls {@link #purgeIfDue} every minute; it purges once a day.
 * Thread-safe.
 */
public final class PersonalDataRetention {
  public static final String PURGED = "[removed after the retention period]";
  private static final Duration EVERY = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);

  private final TranscriptStore transcripts;
  private final Outbox outbox;
  private final InboundStore inbound;
  private final Duration keep;
  private final Clock clock;
  private Instant lastPurge;

  public PersonalDataRetention(
      TranscriptStore transcripts, Outbox outbox, InboundStore inbound, int days, Clock clock) {
    if (days < 1) {
      throw new IllegalArgumentException("retention must be at least one day");
    }
    this.transcripts = transcripts;
    this.outbox = outbox;
    this.inbound = inbound;
    this.keep = Duration.ofDays(days);
    this.clock = clock;
  }

  /** What one purge removed. */
  public record Purged(int transcriptEntries, int messageBodies, int inboundTexts) {}

  /** Purges now. */
  public Purged purge() {
    Instant cutoff = clock.instant().minus(keep);
    Purged purged =
        new Purged(
            transcripts.purgeBefore(cutoff),
            outbox.purgeBodiesBefore(cutoff, PURGED),
            inbound.purgeBodiesBefore(cutoff, PURGED));
    LOG.info(
        "retention: {} transcript entries, {} message bodies and {} inbound texts older than {}"
            + " removed",
        purged.transcriptEntries(),
        purged.messageBodies(),
        purged.inboundTexts(),
        cutoff);
    return purged;
  }

  /** Purges when the last purge of this process was a day ago or more (or never ran). */
  public synchronized void purgeIfDue() {
    Instant now = clock.instant();
    if (lastPurge == null || !now.isBefore(lastPurge.plus(EVERY))) {
      purge();
      lastPurge = now;
    }
  }
}
