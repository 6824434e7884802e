package com.gymops.store;

import com.gymops.domain.MemberId;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Workflow runs and their events. Thread-safe. */
public interface RunStore {
  void start(WorkflowRun run);

  /** Adds events; one already recorded under the same run and sequence number is kept as it is. */
  void addEvents(String runId, List<RunEvent> events);

  void finish(
      String runId,
      RunStatus status,
      String modeUsed,
      Instant finishedAt,
      String reportJson,
      String error);

  Optional<WorkflowRun> find(String runId);

  /** The latest runs, newest first. */
  List<WorkflowRun> latest(int limit);

  List<RunEvent> events(String runId);

  /** The inputs (JSON) of the run's first event of {@code action} for the member, if any. */
  Optional<String> eventInputs(String runId, MemberId member, String action);
}
