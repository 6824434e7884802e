package com.gymops.application.care;

import com.gymops.application.port.ReportWriter;
import com.gymops.application.port.store.ApprovalStore;
import com.gymops.application.run.EffectCodec;
import com.gymops.application.run.ReportRows;
import com.gymops.application.run.RunIds;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunReport.ReportedAction;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.RunScope;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import com.gymops.domain.Plural;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Effect;
import com.gymops.policy.LockWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvals engine: lets a person approve or deny what a run withheld, expires it after {@code
 * approvals.timeout}, and executes an approval's actions exactly once through the one pipeline.
 *
 * <p>Exactly once: a decision is one conditional update (of two approvers at once, one wins); the
 * execution is claimed by a conditional update too, and every effect keeps the key the workflow run
 * would have used (a lock once per delinquency), so an execution a crash interrupted, completed by
 * {@link #settle} later, repeats nothing. The execution is a run of the one {@link WorkflowRunner}
 * for the covered members ({@link RunScope.Approved}), which checks each covered action against the
 * member's state at execution by planning the workflow again for them, with the gate that withheld
 * them lifted: what the rules no longer plan (the member paid, is on hold, is locked already) is
 * dropped, and reported as such. Runs file their approvals at {@link ApprovalFiling}.
 */
public final class Approvals {
  /** A claim older than this is a crashed execution's; another may take it over. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  static final String DROPPED = "dropped: no longer planned for the member's current state";

  private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);

  private final GymOpsConfig config;
  private final ApprovalStore approvals;
  private final WorkflowRunner runner;
  private final Audit audit;
  private final Clock clock;
  private final ReportWriter reports;
  private volatile RequestExecution requests;

  /** Without a report writer: an approved referral list writes no agency file (tests). */
  public Approvals(
      GymOpsConfig config,
      ApprovalStore approvals,
      WorkflowRunner runner,
      Audit audit,
      Clock clock) {
    this(config, approvals, runner, audit, clock, null);
  }

  /**
   * @param runner the runner an approval's execution is a run of, filing at an {@link
   *     ApprovalFiling}
   * @param reports where an approved referral list's agency file goes, as a run's would
   */
  public Approvals(
      GymOpsConfig config,
      ApprovalStore approvals,
      WorkflowRunner runner,
      Audit audit,
      Clock clock,
      ReportWriter reports) {
    this.config = config;
    this.approvals = approvals;
    this.runner = runner;
    this.audit = audit;
    this.clock = clock;
    this.reports = reports;
  }

  /**
   * Lets approved {@link ApprovalRequests requests} be carried out; without it an approved request
   * waits (the composition root sets it once the services it uses exist).
   */
  public void carryOutRequestsWith(RequestExecution execution) {
    this.requests = execution;
  }

  /** What a decision did: the approval after it, and for an approval the execution's result. */
  public record Decision(Approval approval, String note) {}

  /** The club's approvals (every club when null), newest first, after expiring those due. */
  public List<Approval> list(Actor actor, ClubId club, boolean pendingOnly) {
    if (club != null) {
      actor.mustReach(club);
    }
    expireDue();
    ClubId scope = club != null ? club : actor.club();
    return approvals.list(scope, pendingOnly);
  }

  /**
   * The inbox of a screen: every pending approval, and only the {@code decidedLimit} latest decided
   * ones, so that a club's years of decisions do not all load each time the page refreshes.
   */
  public List<Approval> inbox(Actor actor, ClubId club, int decidedLimit) {
    actor.mustReach(club);
    expireDue();
    List<Approval> inbox = new ArrayList<>(approvals.list(club, true));
    inbox.addAll(approvals.recentlyDecided(club, decidedLimit));
    return inbox;
  }

  /**
   * The inbox without the covered actions (each approval's list empty), for a page that counts them
   * with aggregate reads: pending oldest first, then the {@code decidedLimit} latest decided.
   */
  public List<Approval> inboxHeaders(Actor actor, ClubId club, int decidedLimit) {
    actor.mustReach(club);
    expireDue();
    return approvals.inboxHeaders(club, decidedLimit);
  }

  /** As {@link #find}, without the covered actions (an empty list). */
  public Approval header(Actor actor, String id) {
    return approvals
        .findHeader(id)
        .filter(approval -> actor.club() == null || actor.club().equals(approval.clubId()))
        .orElseThrow(() -> new NotFoundException("no approval '" + id + "'"));
  }

  /**
   * The approval, if the actor's club has it: another club's is not found, as an unknown id is, so
   * ids cannot be probed across clubs.
   */
  public Approval find(Actor actor, String id) {
    // another club's approval answers as an unknown one: its id says nothing to this actor
    return approvals
        .find(id)
        .filter(approval -> actor.club() == null || actor.club().equals(approval.clubId()))
        .orElseThrow(() -> new NotFoundException("no approval '" + id + "'"));
  }

  /**
   * Approves and executes the covered actions.
   *
   * @throws IllegalStateException when the approval is not pending (decided, or expired)
   */
  public Decision approve(Actor actor, String id) {
    Approval approval = decide(actor, id, Approval.Status.APPROVED, null);
    String note = execute(approval);
    return new Decision(reload(approval.id()), note);
  }

  /**
   * Denies: nothing covered is executed.
   *
   * @throws IllegalStateException when the approval is not pending
   */
  public Decision deny(Actor actor, String id, String reason) {
    Approval approval = decide(actor, id, Approval.Status.DENIED, reason);
    return new Decision(reload(approval.id()), "denied; nothing was executed");
  }

  private Approval decide(Actor actor, String id, Approval.Status to, String reason) {
    Approval approval = find(actor, id);
    expireDue();
    if (!approvals.decide(id, to, actor.name(), clock.instant(), reason)) {
      Approval now = reload(id);
      throw new IllegalStateException(
          "approval "
              + id
              + " is not pending: it is "
              + now.status().code()
              + (now.decidedBy() == null ? "" : " (by " + now.decidedBy() + ")"));
    }
    audit.record(
        actor,
        approval.clubId(),
        to == Approval.Status.APPROVED ? "approve" : "deny",
        "approval:" + id,
        "pending",
        to.code(),
        reason);
    return approval;
  }

  /**
   * Expires pending approvals whose time is up and executes approved ones not yet executed (after a
   * crash, or waiting for the lock window). {@code serve} calls it every minute.
   */
  public void settle() {
    expireDue();
    for (Approval approval : approvals.approvedUnexecuted()) {
      try {
        LOG.info("approval {}: {}", approval.id(), execute(approval));
      } catch (RuntimeException e) {
        // One approval that cannot execute (its club removed from the config) must not hold up
        // the others, nor the dispatch that follows in the same tick.
        LOG.warn("approval {} could not be executed: {}", approval.id(), e.getMessage());
      }
    }
  }

  private void expireDue() {
    Instant now = clock.instant();
    for (Approval approval : approvals.pendingExpiredAt(now)) {
      if (approvals.decide(approval.id(), Approval.Status.EXPIRED, "timeout", now, null)) {
        audit.record(
            new Actor("GymOps", null),
            approval.clubId(),
            "expire",
            "approval:" + approval.id(),
            "pending",
            "expired",
            "approvals.timeout " + config.approvals().timeout() + "; nothing was executed");
      }
    }
  }

  /** Executes an approved approval if no one else is; returns what happened, in a sentence. */
  private String execute(Approval approval) {
    ClubSettings club =
        config
            .club(approval.clubId())
            .orElseThrow(
                () ->
                    new IllegalStateException("club " + approval.clubId() + " is not configured"));
    Instant now = clock.instant();
    if (approval.kind() == Approval.Kind.REQUEST) {
      return executeRequest(approval, now);
    }
    boolean locks = approval.actions().stream().anyMatch(a -> a.action().equals("lock_door"));
    if (locks && !LockWindow.of(club.policy()).permitsLockAt(now, club.club().zone())) {
      return "approved; the locks happen when the lock window opens (serve executes it then)";
    }
    String runId = RunIds.next(now);
    if (!approvals.claim(approval.id(), runId, now, now.minus(STALE_CLAIM))) {
      return "approved; another process is executing it";
    }
    RunReport run =
        runner.run(
            RunRequest.approved(
                approval.workflow(), approval.clubId(), approval.actions(), now, runId));
    // The run executed, in the covered order, the covered actions the rules still plan.
    List<String> outcomes = new ArrayList<>();
    List<ReportedAction> executed = run.actions();
    List<ApprovalAction> kept = new ArrayList<>();
    int next = 0;
    for (ApprovalAction covered : approval.actions()) {
      if (next < executed.size() && same(covered, executed.get(next))) {
        outcomes.add(executed.get(next++).outcome());
        kept.add(covered);
      } else {
        outcomes.add(DROPPED);
      }
    }
    approvals.executed(approval.id(), run.runId(), clock.instant(), outcomes);
    int done = next;
    int dropped = approval.actions().size() - done;
    String file = referralFile(approval, club, run, kept);
    return "executed "
        + done
        + " of "
        + Plural.of(approval.actions().size(), "action", "actions")
        + " in run "
        + run.runId()
        + (dropped == 0 ? "" : "; " + dropped + " dropped (no longer planned for the member now)")
        + (file == null ? "" : "; agency file " + file);
  }

  /** A request's action, carried out once by the service a manager's own action uses. */
  private String executeRequest(Approval approval, Instant now) {
    RequestExecution execution = requests;
    if (execution == null) {
      return "approved; this process cannot carry out requests (serve does)";
    }
    String runId = RunIds.next(now);
    if (!approvals.claim(approval.id(), runId, now, now.minus(STALE_CLAIM))) {
      return "approved; another process is executing it";
    }
    List<String> outcomes = new ArrayList<>();
    for (ApprovalAction action : approval.actions()) {
      outcomes.add(execution.execute(approval, action));
    }
    approvals.executed(approval.id(), runId, clock.instant(), outcomes);
    return String.join("; ", outcomes);
  }

  private static boolean same(ApprovalAction covered, ReportedAction executed) {
    return Objects.equals(
            covered.memberId() == null ? null : covered.memberId().value(), executed.memberId())
        && covered.action().equals(executed.action())
        && covered.detail().equals(executed.detail())
        && covered.rule().equals(executed.rule());
  }

  /**
   * The agency file of an approved referral list, written only now, with the members it referred: a
   * member dropped at execution is not on it.
   */
  private String referralFile(
      Approval approval, ClubSettings club, RunReport run, List<ApprovalAction> executed) {
    if (reports == null || approval.workflow() != WorkflowId.COLLECTIONS_REFERRAL) {
      return null;
    }
    Set<String> referred = new LinkedHashSet<>();
    for (ApprovalAction action : executed) {
      if (EffectCodec.read(action.effectJson()) instanceof Effect.ReferToCollections
          && action.memberId() != null) {
        referred.add(action.memberId().value());
      }
    }
    List<Map<String, Object>> kept = ReportRows.referred(run.summary(), referred);
    if (kept.isEmpty()) {
      return null;
    }
    return reports.write(
        approval.workflow(),
        club.club().id(),
        LocalDate.ofInstant(run.at(), club.club().zone()),
        kept);
  }

  private Approval reload(String id) {
    return approvals.find(id).orElseThrow();
  }
}
