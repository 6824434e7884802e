package com.gymops.adapter.persistence;

import com.gymops.application.port.store.DoorLog;
import com.gymops.application.port.store.PausedWorkflows;
import com.gymops.application.port.store.SenderPauses;
import com.gymops.domain.ApiToken;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.Attachment;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.AuditEntry;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.DoorState;
import com.gymops.domain.InboundMeaning;
import com.gymops.domain.InboundText;
import com.gymops.domain.LockReason;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.MessagePurpose;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.Money;
import com.gymops.domain.Note;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.Payment;
import com.gymops.domain.Referral;
import com.gymops.domain.RunStatus;
import com.gymops.domain.UsState;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowPause;
import com.gymops.domain.WorkflowRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How a row of each table becomes the record the ports speak, registered once on the database's
 * Jdbi: a store asks for {@code mapTo(Member.class)} and every read of a member maps it the same
 * way. Times go through {@link Columns}, so {@code mapTo(Instant.class)} reads SQLite's text and
 * PostgreSQL's timestamps alike.
 */
final class RowMappers {
  private RowMappers() {}

  static void register(Jdbi jdbi) {
    jdbi.registerColumnMapper(Instant.class, (rs, column, context) -> Columns.instant(rs, column));
    jdbi.registerColumnMapper(LocalDate.class, (rs, column, context) -> Columns.date(rs, column));
    jdbi.registerRowMapper(Member.class, RowMappers::member);
    jdbi.registerRowMapper(CollectionAttempt.class, RowMappers::attempt);
    jdbi.registerRowMapper(OutboundMessage.class, RowMappers::message);
    jdbi.registerRowMapper(WorkflowRun.class, RowMappers::run);
    jdbi.registerRowMapper(Referral.class, RowMappers::referral);
    jdbi.registerRowMapper(InboundText.class, RowMappers::inbound);
    jdbi.registerRowMapper(SenderPauses.Pause.class, RowMappers::pause);
    jdbi.registerRowMapper(ApiToken.class, RowMappers::token);
    jdbi.registerRowMapper(AuditEntry.class, RowMappers::auditEntry);
    jdbi.registerRowMapper(CollectionHold.class, RowMappers::hold);
    jdbi.registerRowMapper(Note.class, RowMappers::note);
    jdbi.registerRowMapper(Approval.class, RowMappers::approval);
    jdbi.registerRowMapper(ApprovalAction.class, RowMappers::approvalAction);
    jdbi.registerRowMapper(DoorLog.Change.class, RowMappers::doorChange);
    jdbi.registerRowMapper(WorkflowPause.class, RowMappers::pausedWorkflow);
    jdbi.registerRowMapper(Payment.class, RowMappers::payment);
  }

  /**
   * Reads a row of {@link JdbiMemberStore#COLUMNS} by position (every query of a member selects
   * exactly those columns, in that order): a run reads tens of thousands of members, and looking
   * each column up by name was a fifth of the read.
   */
  private static Member member(ResultSet rs, StatementContext context) throws SQLException {
    String lockReason = rs.getString(14);
    String state = rs.getString(16);
    return new Member(
        new MemberId(rs.getString(1)),
        new ClubId(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        MemberStatus.valueOf(rs.getString(7)),
        Columns.date(rs, 8),
        Money.ofCents(rs.getLong(9)),
        Columns.date(rs, 10),
        rs.getBoolean(11),
        rs.getBoolean(12),
        new DoorAccess(
            DoorState.valueOf(rs.getString(13)),
            lockReason == null ? null : LockReason.valueOf(lockReason)),
        rs.getBoolean(15),
        state == null ? null : new UsState(state));
  }

  private static CollectionAttempt attempt(ResultSet rs, StatementContext context)
      throws SQLException {
    return new CollectionAttempt(
        new MemberId(rs.getString("member_id")),
        Columns.instant(rs, "attempted_at"),
        AttemptKind.valueOf(rs.getString("kind")),
        Channel.valueOf(rs.getString("channel")),
        AttemptOutcome.valueOf(rs.getString("outcome")));
  }

  private static OutboundMessage message(ResultSet rs, StatementContext context)
      throws SQLException {
    String member = rs.getString("member_id");
    String attachment = rs.getString("attachment_name");
    return new OutboundMessage(
        rs.getLong("id"),
        rs.getString("idempotency_key"),
        new ClubId(rs.getString("club_id")),
        member == null ? null : new MemberId(member),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("recipient"),
        MessagePurpose.valueOf(rs.getString("purpose")),
        rs.getString("template_key"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getInt("segments"),
        MessageStatus.valueOf(rs.getString("status")),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "not_before"),
        Columns.instant(rs, "sent_at"),
        rs.getString("error"),
        rs.getString("run_id"),
        attachment == null ? null : new Attachment(attachment, rs.getString("attachment_text")));
  }

  private static WorkflowRun run(ResultSet rs, StatementContext context) throws SQLException {
    return new WorkflowRun(
        rs.getString("run_id"),
        WorkflowId.fromId(rs.getString("workflow")),
        new ClubId(rs.getString("club_id")),
        rs.getString("mode"),
        rs.getString("mode_used"),
        rs.getBoolean("dry_run"),
        RunStatus.valueOf(rs.getString("status")),
        Columns.instant(rs, "clock_at"),
        Columns.instant(rs, "started_at"),
        Columns.instant(rs, "finished_at"),
        rs.getString("report_json"),
        rs.getString("error"));
  }

  private static Referral referral(ResultSet rs, StatementContext context) throws SQLException {
    return new Referral(
        new MemberId(rs.getString("member_id")),
        new ClubId(rs.getString("club_id")),
        Columns.date(rs, "referred_on"),
        Money.ofCents(rs.getLong("amount_cents")),
        rs.getInt("attempts"),
        Columns.date(rs, "closed_on"),
        rs.getString("run_id"));
  }

  private static InboundText inbound(ResultSet rs, StatementContext context) throws SQLException {
    String scope = rs.getString("scope");
    String members = rs.getString("member_ids");
    return new InboundText(
        rs.getString("message_key"),
        Columns.instant(rs, "received_at"),
        rs.getString("from_phone"),
        rs.getString("to_phone"),
        rs.getString("body"),
        InboundMeaning.valueOf(rs.getString("meaning")),
        scope == null ? null : MessagePurpose.valueOf(scope),
        members.isEmpty()
            ? List.of()
            : Arrays.stream(members.split(",")).map(MemberId::new).toList());
  }

  private static SenderPauses.Pause pause(ResultSet rs, StatementContext context)
      throws SQLException {
    return new SenderPauses.Pause(
        rs.getString("sender"),
        rs.getInt("error_code"),
        rs.getString("reason"),
        Columns.instant(rs, "paused_at"));
  }

  private static ApiToken token(ResultSet rs, StatementContext context) throws SQLException {
    String club = rs.getString("club_id");
    return new ApiToken(
        rs.getString("token_id"),
        rs.getString("name"),
        club == null ? null : new ClubId(club),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "revoked_at"));
  }

  private static AuditEntry auditEntry(ResultSet rs, StatementContext context) throws SQLException {
    String club = rs.getString("club_id");
    return new AuditEntry(
        rs.getString("audit_id"),
        Columns.instant(rs, "recorded_at"),
        rs.getString("actor"),
        club == null ? null : new ClubId(club),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("reason"));
  }

  private static CollectionHold hold(ResultSet rs, StatementContext context) throws SQLException {
    return new CollectionHold(
        new MemberId(rs.getString("member_id")),
        new ClubId(rs.getString("club_id")),
        Columns.date(rs, "hold_until"),
        rs.getString("reason"),
        rs.getString("created_by"),
        Columns.instant(rs, "created_at"),
        rs.getString("released_by"),
        Columns.instant(rs, "released_at"));
  }

  private static Note note(ResultSet rs, StatementContext context) throws SQLException {
    return new Note(
        new MemberId(rs.getString("member_id")),
        Columns.instant(rs, "created_at"),
        NotePriority.valueOf(rs.getString("priority")),
        NoteCategory.valueOf(rs.getString("category")),
        rs.getString("note_text"),
        rs.getString("author"));
  }

  /** An approval's row without its actions, which come from {@code approval_action}. */
  private static Approval approval(ResultSet rs, StatementContext context) throws SQLException {
    return new Approval(
        rs.getString("approval_id"),
        new ClubId(rs.getString("club_id")),
        Approval.Kind.valueOf(rs.getString("kind")),
        WorkflowId.fromId(rs.getString("workflow")),
        rs.getString("summary"),
        rs.getString("requested_by"),
        rs.getString("run_id"),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "expires_at"),
        Approval.Status.valueOf(rs.getString("status")),
        rs.getString("decided_by"),
        Columns.instant(rs, "decided_at"),
        rs.getString("reason"),
        Columns.instant(rs, "executed_at"),
        rs.getString("execution_run"),
        List.of());
  }

  private static ApprovalAction approvalAction(ResultSet rs, StatementContext context)
      throws SQLException {
    String member = rs.getString("member_id");
    return new ApprovalAction(
        rs.getInt("seq"),
        member == null ? null : new MemberId(member),
        rs.getString("action"),
        rs.getString("detail"),
        rs.getString("rule_id"),
        rs.getString("inputs_json"),
        rs.getString("effect_json"),
        rs.getString("rendered"),
        rs.getString("outcome"));
  }

  private static DoorLog.Change doorChange(ResultSet rs, StatementContext context)
      throws SQLException {
    String reason = rs.getString("lock_reason");
    return new DoorLog.Change(
        Columns.instant(rs, "changed_at"),
        new DoorAccess(
            DoorState.valueOf(rs.getString("new_state")),
            reason == null ? null : LockReason.valueOf(reason)),
        rs.getString("run_id"));
  }

  /** A pause of every club is stored under {@link PausedWorkflows#ALL_CLUBS}; its club is null. */
  private static WorkflowPause pausedWorkflow(ResultSet rs, StatementContext context)
      throws SQLException {
    String club = rs.getString("club_id");
    return new WorkflowPause(
        WorkflowId.fromId(rs.getString("workflow")),
        PausedWorkflows.ALL_CLUBS.equals(club) ? null : new ClubId(club),
        rs.getString("paused_by"),
        Columns.instant(rs, "paused_at"));
  }

  private static Payment payment(ResultSet rs, StatementContext context) throws SQLException {
    return new Payment(
        rs.getString("payment_id"),
        new MemberId(rs.getString("member_id")),
        Money.ofCents(rs.getLong("amount_cents")),
        Columns.instant(rs, "paid_at"));
  }
}
