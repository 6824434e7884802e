package com.gymops.application.run;

import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.RunStore;
import com.gymops.application.port.store.TranscriptStore;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunEvent;
import com.gymops.domain.TranscriptEntry;
import com.gymops.domain.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Past runs and their events, for people and scripts looking back. */
public final class RunHistory {
  private final RunStore runs;
  private final TranscriptStore transcripts;
  private final Outbox outbox;

  /** Without the outbox: {@link #messagesOf} then finds none. */
  public RunHistory(RunStore runs, TranscriptStore transcripts) {
    this(runs, transcripts, null);
  }

  public RunHistory(RunStore runs, TranscriptStore transcripts, Outbox outbox) {
    this.runs = runs;
    this.transcripts = transcripts;
    this.outbox = outbox;
  }

  /**
   * Where the member messages a run queued are now, each state its own word: a run says "queued",
   * and only the dispatcher makes a message sent.
   *
   * @param queued due and waiting for the dispatcher (or being sent right now)
   * @param deferred waiting for a later time: the member's texting hours, or a provider's retry
   * @param sent taken by the provider (delivered ones included)
   * @param logged written to the message log by the log provider: nothing left
   * @param suppressed ended unsent because a rule forbade it by then
   */
  public record MessageStates(
      int queued, int deferred, int sent, int logged, int suppressed, int failed) {
    public int total() {
      return queued + deferred + sent + logged + suppressed + failed;
    }

    /** E.g. "2 sent, 1 queued, 3 deferred, 0 suppressed, 1 failed". */
    public String describe() {
      return sent
          + " sent, "
          + (logged > 0 ? logged + " logged, not sent (no provider configured), " : "")
          + queued
          + " queued, "
          + deferred
          + " deferred, "
          + suppressed
          + " suppressed, "
          + failed
          + " failed";
    }
  }

  /** The states, as of {@code now}, of the member messages the run {@code runId} queued. */
  public MessageStates messagesOf(String runId, Instant now) {
    int queued = 0;
    int deferred = 0;
    int sent = 0;
    int logged = 0;
    int suppressed = 0;
    int failed = 0;
    List<OutboundMessage> messages = outbox == null ? List.of() : outbox.ofRun(runId);
    for (OutboundMessage message : messages) {
      if (message.memberId() == null) {
        continue;
      }
      switch (message.status()) {
        case QUEUED -> {
          if (message.notBefore().isAfter(now)) {
            deferred++;
          } else {
            queued++;
          }
        }
        case SENDING -> queued++;
        case SENT, DELIVERED -> sent++;
        case LOGGED -> logged++;
        case SUPPRESSED -> suppressed++;
        case FAILED -> failed++;
      }
    }
    return new MessageStates(queued, deferred, sent, logged, suppressed, failed);
  }

  /** The LLM transcript of an agent or shadow run; empty for a rules run. */
  public List<TranscriptEntry> transcript(String runId) {
    return transcripts.of(runId);
  }

  public List<WorkflowRun> latest(int limit) {
    return runs.latest(limit);
  }

  public Optional<WorkflowRun> find(String runId) {
    return runs.find(runId);
  }

  public List<RunEvent> events(String runId) {
    return runs.events(runId);
  }
}
