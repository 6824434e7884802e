package com.gymops.application.care;

import com.gymops.application.port.store.ApprovalStore;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.ApprovalDesk;
import com.gymops.application.run.EffectCodec;
import com.gymops.application.run.EffectKeys;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.PlannedRun;
import com.gymops.application.run.RunReportJson;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The desk where runs file what they withheld: one approval per kind and set of actions per
 * club-local day, and a text to the manager when a new one waits. Apart from {@link Approvals},
 * which decides and executes approvals through the runner that files them here.
 */
public final class ApprovalFiling implements ApprovalDesk {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final GymOpsConfig config;
  private final ApprovalStore approvals;
  private final ManagerMessages manager;
  private final Clock clock;

  public ApprovalFiling(
      GymOpsConfig config, ApprovalStore approvals, ManagerMessages manager, Clock clock) {
    this.config = config;
    this.approvals = approvals;
    this.manager = manager;
    this.clock = clock;
  }

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
    WorkflowId workflow = planned.context().workflow();
    Approval approval =
        new Approval(
            "apr-" + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8),
            planned.context().club().id(),
            withheld.kind(),
            workflow,
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
    if (withheld.kind() == Approval.Kind.MESSAGE) {
      // Two messages to the same members the same day are two approvals: their words differ.
      key = key + ":" + digest(actions.get(0).inputsJson());
    }
    if (approvals.file(approval, key)) {
      alertManager(approval);
    }
  }

  /** At most one new-approval text per club per hour, whatever the number of approvals. */
  private void alertManager(Approval approval) {
    ClubSettings club = config.club(approval.clubId()).orElseThrow();
    manager.notify(
        club.club(),
        EffectKeys.approvalAlert(club.club().id(), approval.createdAt()),
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
    return digest(all.toString());
  }

  private static String digest(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
