package com.gymops.application.care;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.WorkflowId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Carries out an approved {@link ApprovalRequests request}, as the person who approved it: a lock
 * or unlock is a manual door change ({@link ManualActions}, a run of the one runner), a hold is a
 * collection hold, a note a staff note, a run now a whole-club run of the runner. Each says what it
 * did, or why it did not (the member paid and was unlocked meanwhile), in a sentence.
 */
public final class RequestExecution {
  private final GymOpsConfig config;
  private final ManualActions manual;
  private final CollectionHolds holds;
  private final WorkflowRunner runner;
  private final Clock clock;

  public RequestExecution(
      GymOpsConfig config,
      ManualActions manual,
      CollectionHolds holds,
      WorkflowRunner runner,
      Clock clock) {
    this.config = config;
    this.manual = manual;
    this.holds = holds;
    this.runner = runner;
    this.clock = clock;
  }

  /** The outcome of the request's one action, in words; the run it started, if any, after a tab. */
  public String execute(Approval approval, ApprovalAction action) {
    JsonNode request = ApprovalRequests.read(action);
    Actor approver =
        new Actor(
            (approval.decidedBy() == null ? "approver" : approval.decidedBy())
                + " (approving "
                + approval.requestedBy()
                + ")",
            approval.clubId());
    try {
      return switch (request.path("request").asText()) {
        case ApprovalRequests.LOCK ->
            "locked in run "
                + manual.lock(approver, action.memberId(), request.path("reason").asText()).runId();
        case ApprovalRequests.UNLOCK ->
            "unlocked in run "
                + manual
                    .unlock(approver, action.memberId(), request.path("reason").asText())
                    .runId();
        case ApprovalRequests.HOLD -> {
          LocalDate until = LocalDate.parse(request.path("until").asText());
          holds.hold(approver, action.memberId(), until, request.path("reason").asText());
          yield "collections held until " + until;
        }
        case ApprovalRequests.NOTE -> {
          manual.note(approver, action.memberId(), request.path("text").asText());
          yield "note added";
        }
        case ApprovalRequests.RUN -> {
          WorkflowId workflow = WorkflowId.fromId(request.path("workflow").asText());
          RunMode mode = RunMode.valueOf(config.agent().mode().toUpperCase(Locale.ROOT));
          RunReport run =
              runner.run(new RunRequest(workflow, approval.clubId(), mode, false, clock.instant()));
          yield "ran "
              + workflow.id()
              + " (run "
              + run.runId()
              + ", "
              + run.status().name().toLowerCase(Locale.ROOT)
              + ")";
        }
        default -> "not executed: unknown request " + request.path("request").asText();
      };
    } catch (RuntimeException e) {
      return "not executed: " + e.getMessage();
    }
  }
}
