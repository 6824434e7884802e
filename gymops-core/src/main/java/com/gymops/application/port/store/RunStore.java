package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Workflow runs and their events. Thread-safe. */
public interface RunStore {
  void start(WorkflowRun run);

  /**
   * Adds events. Each event of a run is written once, where it happens (see {@code
   * WorkflowRunner}): a second under the same run and sequence number fails (the store throws),
   * rather than being dropped unseen.
   */
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

  /**
   * The first run of the workflow for the club, by clock time in [{@code from}, {@code until}),
   * that was not a dry run and whose model finished its review ({@code mode_used} {@code agent}):
   * what {@code agent.review_every: day} asks before it asks the model again (docs/ARCHITECTURE.md,
   * Agent mode). A run that fell back to the rules ({@code rules-fallback}) is not one.
   */
  Optional<AskedRun> firstAskedBetween(
      ClubId club, WorkflowId workflow, Instant from, Instant until);

  /** A run whose model was asked: its id and the instant its rules saw as now. */
  record AskedRun(String runId, Instant clockAt) {}
}
