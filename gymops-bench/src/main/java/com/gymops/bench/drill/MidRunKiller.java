package com.gymops.bench.drill;

import java.util.List;
import java.util.Set;

/**
 * Kills a process in the middle of a run it can be seen doing in the database, every time rather
 * than by luck: the process is stopped (SIGSTOP) before each look at the database, so what the look
 * sees is still so when SIGKILL lands — a run seen running is killed running, not a moment after it
 * finished — and let go (SIGCONT) between looks for {@value #WAIT_STEP_MILLIS} ms until its run
 * starts, then {@value #STEP_MILLIS} ms, far less than the stretch between the run's first batch's
 * commit and its end (the remaining events, the approvals, the report and the run's own row, each
 * committed).
 */
final class MidRunKiller {
  /** Where in its run the process is killed. */
  enum Point {
    /** As soon as the run's row is there: while it reads and plans, before any effect commits. */
    STARTED,
    /**
     * Once the run's first batch of actions has committed (their events commit with them), while
     * the run has not finished: the rerun must then add exactly what is missing.
     */
    ACTIONS_COMMITTED
  }

  /**
   * What became of a watched run.
   *
   * @param runSeen whether a run started while the process was watched
   * @param midRun whether the process was killed while the run was still running
   * @param actionsCommitted the run's actions committed when it was killed (or when it finished)
   * @param steps how many times the process was let go before the kill
   */
  record Kill(boolean runSeen, boolean midRun, long actionsCommitted, int steps) {}

  static final long STEP_MILLIS = 1;

  /**
   * How long the process is let go between looks while no run of the workflow has started: far less
   * than a run takes from its row to its end (its reads, plan and at least three commits).
   */
  static final long WAIT_STEP_MILLIS = 10;

  private final ProcessSignals signals;
  private final String workflow;

  MidRunKiller(ProcessSignals signals, String workflow) {
    this.signals = signals;
    this.workflow = workflow;
  }

  /**
   * Steps {@code child} until a run of the workflow not in {@code before} starts, then until that
   * run reaches {@code point}, and kills it there; if the run finishes first, or none starts before
   * {@code deadline} ({@link System#nanoTime}), leaves the child running. The process is stepped
   * from the start of the watch, not only from the moment a poll saw its run: a run that started
   * and finished between two polls of a busy machine would go unkilled.
   */
  Kill killNextRun(
      ChildProcess child, DrillDatabase db, Set<String> before, Point point, long deadline) {
    try (DrillDatabase.Session session = db.session()) {
      return killNextRun(child, session, before, point, deadline);
    }
  }

  private Kill killNextRun(
      ChildProcess child,
      DrillDatabase.Session db,
      Set<String> before,
      Point point,
      long deadline) {
    int steps = 0;
    String runId = null;
    long committed = 0;
    while (signals.stop(child)) {
      List<List<String>> rows;
      try {
        rows =
            runId == null
                ? db.rows("SELECT run_id FROM workflow_run WHERE workflow = ?", workflow)
                : db.rows(
                    "SELECT status, (SELECT COUNT(*) FROM run_event WHERE run_id = ?)"
                        + " FROM workflow_run WHERE run_id = ?",
                    runId,
                    runId);
      } catch (IllegalStateException busy) {
        // A stopped writer in the middle of a checkpoint can keep an embedded reader out a while.
        rows = List.of();
      }
      if (runId == null) {
        runId =
            rows.stream()
                .map(row -> row.get(0))
                .filter(id -> !before.contains(id))
                .findFirst()
                .orElse(null);
        if (runId == null && System.nanoTime() > deadline) {
          signals.resume(child);
          return new Kill(false, false, 0, steps);
        }
        if (runId != null) {
          continue; // look at it while the process is still stopped
        }
      } else if (!rows.isEmpty()) {
        committed = Long.parseLong(rows.get(0).get(1));
        if (!rows.get(0).get(0).equals("RUNNING")) {
          signals.resume(child);
          return new Kill(true, false, committed, steps);
        }
        if (point == Point.STARTED || committed > 0) {
          child.kill();
          return new Kill(true, true, committed, steps);
        }
      }
      signals.resume(child);
      steps++;
      DispatchDrill.sleep(runId == null ? WAIT_STEP_MILLIS : STEP_MILLIS);
    }
    return new Kill(runId != null, false, committed, steps);
  }
}
