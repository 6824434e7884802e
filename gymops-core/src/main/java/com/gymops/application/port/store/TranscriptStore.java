package com.gymops.application.port.store;

import com.gymops.domain.TranscriptEntry;
import java.time.Instant;
import java.util.List;

/** The LLM transcripts of agent runs, kept with the run. Thread-safe. */
public interface TranscriptStore {
  void add(String runId, List<TranscriptEntry> entries);

  /** The run's transcript in order; empty for a run without an agent. */
  List<TranscriptEntry> of(String runId);

  /** Deletes the transcript entries recorded before {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);
}
