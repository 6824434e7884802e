package com.gymops.application.care;

import com.gymops.application.port.ApprovalDesk;
import com.gymops.application.port.ReportWriter;
import com.gymops.application.port.store.Stores;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.EffectCodec;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.PlannedRun;
import com.gymops.application.run.RunPlanner;
import com.gymops.application.run.RunReportJson;
import com.gymops.application.run.ScopedRun;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Plural;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.AccessRules;
import com.gymops.policy.Action;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.Effect;
import com.gymops.policy.LockWindow;
import com.gymops.policy.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvals engine: files what a run withheld, lets a person approve or deny it, expires it
 * after {@code approvals.timeout}, and executes an approval's actions exactly once through the one
 * pipeline.
 *
 * <p>Exactly once: a decision is one conditional update (of two approvers at once, one wins); the
 * execution is claimed by a conditional update too, and every effect keeps the key the workflow run
 * would have used (a lock once per delinquency), so an execution a crash interrupted, completed by
 * {@link #settle} later, repeats nothing. Each covered action is checked against the member's state
 * at execution by planning the workflow again for the covered members, with the gate that withheld
 * them lifted: what the rules no longer plan (the member paid, is on hold, is locked already) is
 * dropped, and reported as such.
 */
public final class Approvals implements ApprovalDesk {
  /** A claim older than this is a crashed execution's; another may take it over. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  static final String DROPPED = "dropped: no longer planned for the member's current state";

  private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final GymOpsConfig config;
  private final Stores stores;
  private final ActionExecutor executor;
  private final RunPlanner planner;
  private final ScopedRun runs;
  private final ManagerMessages manager;
  private final Audit audit;
  private final Clock clock;
  private final ReportWriter reports;

  /** Without a report writer: an approved referral list writes no agency file (tests). */
  public Approvals(
      GymOpsConfig config,
      Stores stores,
      ActionExecutor executor,
      ScopedRun runs,
      ManagerMessages manager,
      Audit audit,
      Clock clock) {
    this(config, stores, executor, runs, manager, audit, clock, null);
  }

  /**
   * @param reports where an approved referral list's agency file goes, as a run's would
   */
  public Approvals(
      GymOpsConfig config,
      Stores stores,
      ActionExecutor executor,
      ScopedRun runs,
      ManagerMessages manager,
      Audit audit,
      Clock clock,
      ReportWriter reports) {
    this.reports = reports;
    this.config = config;
    this.stores = stores;
    this.executor = executor;
    this.planner = new RunPlanner(stores, executor.templates(), executor.payLinkTemplate());
    this.runs = runs;
    this.manager = manager;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a decision did: the approval after it, and for an approval the execution's result. */
  public record Decision(Approval approval, String note) {}

  @Override
  public void file(PlannedRun planned, Plan.Withheld withheld, String requestedBy) {
    if (withheld.kind() == Approval.Kind.LOCKS_OVER_LIMIT && !config.approvals().breaker()) {
      return;
    }
    Instant now = clock.instant();
    List<ApprovalAction> actions = new ArrayList<>();
    for (Action action : withheld.actions()) {
      actions.add(
          new ApprovalAction(
              actions.size() + 1,
              action.member(),
              action.name(),
              action.detail(),
              action.rule(),
              RunReportJson.inputs(action.inputs()),
              EffectCodec.write(action.effect()),
              ActionExecutor.preview(action).orElse(null),
              null));
    }
    Approval approval =
        new Approval(
            "apr-" + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8),
            planned.context().club().id(),
            withheld.kind(),
            planned.context().workflow(),
            withheld.summary(),
            requestedBy,
            planned.context().runId(),
            now,
            now.plus(config.approvals().timeout()),
            Approval.Status.PENDING,
            null,
            null,
            null,
            null,
            null,
            actions);
    // One approval per kind and set of actions per club-local day: the hourly runs that trip the
    // breaker again over the same members file nothing new.
    LocalDate day = planned.context().localDate();
    String key =
        withheld.kind().code() + ":" + approval.clubId() + ":" + day + ":" + fingerprint(actions);
    if (stores.approvals().file(approval, key)) {
      alertManager(approval);
    }
  }

  /** At most one new-approval text per club per hour, whatever the number of approvals. */
  private void alertManager(Approval approval) {
    ClubSettings club = config.club(approval.clubId()).orElseThrow();
    Instant hour = approval.createdAt().truncatedTo(ChronoUnit.HOURS);
    manager.notify(
        club.club(),
        "alert:approval:" + club.club().id() + ":" + hour,
        "Approval needed ("
            + approval.kind().code()
            + "): "
            + approval.summary()
            + ". Decide with: gymops approvals approve|deny "
            + approval.id()
            + " (expires "
            + approval.expiresAt()
            + ")",
        approval.createdAt(),
        approval.runId());
  }

  /** The club's approvals (every club when null), newest first, after expiring those due. */
  public List<Approval> list(Actor actor, ClubId club, boolean pendingOnly) {
    if (club != null) {
      actor.mustReach(club);
    }
    expireDue();
    ClubId scope = club != null ? club : actor.club();
    return stores.approvals().list(scope, pendingOnly);
  }

  /**
   * The inbox of a screen: every pending approval, and only the {@code decidedLimit} latest decided
   * ones, so that a club's years of decisions do not all load each time the page refreshes.
   */
  public List<Approval> inbox(Actor actor, ClubId club, int decidedLimit) {
    actor.mustReach(club);
    expireDue();
    List<Approval> inbox = new ArrayList<>(stores.approvals().list(club, true));
    inbox.addAll(stores.approvals().recentlyDecided(club, decidedLimit));
    return inbox;
  }

  /**
   * The approval, if the actor's club has it: another club's is not found, as an unknown id is, so
   * ids cannot be probed across clubs.
   */
  public Approval find(Actor actor, String id) {
    return stores
        .approvals()
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
    if (!stores.approvals().decide(id, to, actor.name(), clock.instant(), reason)) {
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
    for (Approval approval : stores.approvals().approvedUnexecuted()) {
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
    for (Approval approval : stores.approvals().pendingExpiredAt(now)) {
      if (stores.approvals().decide(approval.id(), Approval.Status.EXPIRED, "timeout", now, null)) {
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
    boolean locks = approval.actions().stream().anyMatch(a -> a.action().equals("lock_door"));
    if (locks && !LockWindow.of(club.policy()).permitsLockAt(now, club.club().zone())) {
      return "approved; the locks happen when the lock window opens (serve executes it then)";
    }
    String runId = ScopedRun.newRunId(now);
    if (!stores.approvals().claim(approval.id(), runId, now, now.minus(STALE_CLAIM))) {
      return "approved; another process is executing it";
    }
    Set<MemberId> members = new LinkedHashSet<>();
    approval.actions().forEach(a -> members.add(a.memberId()));
    members.remove(null);
    PlannedRun fresh =
        planner.planFor(
            runId, approval.workflow(), club.club(), ungated(club.policy()), now, members);
    List<Action> keep = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (ApprovalAction covered : approval.actions()) {
      Optional<Action> still = stillPlanned(fresh, covered);
      if (still.isPresent()) {
        keep.add(still.get());
        kept.add(covered.seq());
      }
    }
    List<Member> current =
        members.stream().map(id -> stores.members().find(id)).flatMap(Optional::stream).toList();
    ScopedRun.Result result = runs.execute(approval.workflow(), club, current, keep, "approval");
    List<String> outcomes = new ArrayList<>();
    int done = 0;
    for (ApprovalAction covered : approval.actions()) {
      int index = kept.indexOf(covered.seq());
      if (index < 0) {
        outcomes.add(DROPPED);
      } else {
        outcomes.add(result.done().get(index).outcome().code());
        done++;
      }
    }
    stores.approvals().executed(approval.id(), result.runId(), clock.instant(), outcomes);
    int dropped = approval.actions().size() - done;
    String file = referralFile(approval, club, fresh, keep);
    return "executed "
        + done
        + " of "
        + Plural.of(approval.actions().size(), "action", "actions")
        + " in run "
        + result.runId()
        + (dropped == 0 ? "" : "; " + dropped + " dropped (no longer planned for the member now)")
        + (file == null ? "" : "; agency file " + file);
  }

  /**
   * The agency file of an approved referral list, written only now, with the members it referred: a
   * member dropped at execution is not on it.
   */
  @SuppressWarnings("unchecked")
  private String referralFile(
      Approval approval, ClubSettings club, PlannedRun fresh, List<Action> executed) {
    if (reports == null || approval.workflow() != WorkflowId.COLLECTIONS_REFERRAL) {
      return null;
    }
    Set<String> referred = new LinkedHashSet<>();
    for (Action action : executed) {
      if (action.effect() instanceof Effect.ReferToCollections && action.member() != null) {
        referred.add(action.member().value());
      }
    }
    if (!(fresh.plan().summary().get("referrals") instanceof List<?> rows) || referred.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> kept = new ArrayList<>();
    for (Object row : rows) {
      Map<String, Object> map = (Map<String, Object>) row;
      if (referred.contains(String.valueOf(map.get("member_id")))) {
        kept.add(map);
      }
    }
    return reports.write(approval.workflow(), club.club().id(), fresh.context().localDate(), kept);
  }

  /** The fresh plan's action matching a covered one, if the rules still plan it. */
  private static Optional<Action> stillPlanned(PlannedRun fresh, ApprovalAction covered) {
    return fresh.plan().actions().stream()
        .filter(
            a ->
                java.util.Objects.equals(a.member(), covered.memberId())
                    && a.name().equals(covered.action())
                    && a.detail().equals(covered.detail())
                    && a.rule().equals(covered.rule()))
        .findFirst();
  }

  /**
   * The club's policy with the breaker and the approval gates lifted: a person approved the number
   * of locks, the campaign or the list.
   */
  private static ClubPolicy ungated(ClubPolicy policy) {
    AccessRules access = policy.access();
    return new ClubPolicy(
        policy.messaging(),
        policy.reminders(),
        new AccessRules(
            access.minPastDueAmount(),
            access.gracePeriodDays(),
            Integer.MAX_VALUE,
            access.lockOutsideWindow(),
            access.warnDaysBeforeLock()),
        policy.escalation(),
        policy.referral(),
        policy.campaigns());
  }

  private Approval reload(String id) {
    return stores.approvals().find(id).orElseThrow();
  }

  private static String fingerprint(List<ApprovalAction> actions) {
    StringBuilder all = new StringBuilder();
    for (ApprovalAction action : actions) {
      all.append(action.memberId())
          .append('|')
          .append(action.action())
          .append('|')
          .append(action.detail())
          .append('\n');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(all.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
