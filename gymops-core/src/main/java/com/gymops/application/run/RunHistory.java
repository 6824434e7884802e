package com.gymops.application.run;

import com.gymops.application.port.store.RunStore;
import com.gymops.application.port.store.TranscriptStore;
import com.gymops.domain.RunEvent;
import com.gymops.domain.TranscriptEntry;
import com.gymops.domain.WorkflowRun;
import java.util.List;
import java.util.Optional;

/** Past runs and their events, for people and scripts looking back. */
public final class RunHistory {
  private final RunStore runs;
  private final TranscriptStore transcripts;

  public RunHistory(RunStore runs, TranscriptStore transcripts) {
    this.runs = runs;
    this.transcripts = transcripts;
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
