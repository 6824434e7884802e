package com.gymops.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Planned actions a person must release before they happen: the locks the breaker withheld, a large
 * campaign, a referral list, an agent's holds.
 *
 * @param requestedBy who or what asked: the rule (e.g. {@code door.breaker}) or {@code agent}
 * @param runId the run that planned the actions
 * @param executedAt when the approved actions were executed; null until then
 * @param executionRun the run that executed them
 */
public record Approval(
    String id,
    ClubId clubId,
    Kind kind,
    WorkflowId workflow,
    String summary,
    String requestedBy,
    String runId,
    Instant createdAt,
    Instant expiresAt,
    Status status,
    String decidedBy,
    Instant decidedAt,
    String reason,
    Instant executedAt,
    String executionRun,
    List<ApprovalAction> actions) {
  public Approval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clubId, "clubId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(status, "status");
    actions = List.copyOf(actions);
  }

  /** What an approval is about; the codes are those of the CLI and the API. */
  public enum Kind {
    LOCKS_OVER_LIMIT,
    LARGE_CAMPAIGN,
    REFERRAL_LIST,
    AGENT_HOLD,
    LOCK,
    /**
     * What someone asked for through the MCP server or the console's Ask box (a lock, an unlock, a
     * hold, a note, a run now): nothing happens until a person approves it (docs/ASK.md).
     */
    REQUEST,
    /**
     * A one-off message someone asked for to a segment (docs/ASK.md): its actions are the texts,
     * one per member, planned under the campaigns' guard; every one waits for a person, whatever
     * its size.
     */
    MESSAGE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Pending until a person (or the timeout) decides, once. */
  public enum Status {
    PENDING,
    APPROVED,
    DENIED,
    EXPIRED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Approval withActions(List<ApprovalAction> newActions) {
    return new Approval(
        id,
        clubId,
        kind,
        workflow,
        summary,
        requestedBy,
        runId,
        createdAt,
        expiresAt,
        status,
        decidedBy,
        decidedAt,
        reason,
        executedAt,
        executionRun,
        newActions);
  }
}
