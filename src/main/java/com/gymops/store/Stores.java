package com.gymops.store;

import java.util.Objects;

/** Every store of one database, handed to the services as one value. */
public record Stores(
    MemberStore members,
    AttemptStore attempts,
    NoteStore notes,
    Outbox outbox,
    DoorLog doors,
    ReferralStore referrals,
    EscalationStore escalations,
    RunStore runs,
    WorkflowLocks locks,
    Transactor transactor,
    TranscriptStore transcripts,
    PaymentStore payments,
    SyncStateStore syncState,
    HoldStore holds,
    PayLinks payLinks,
    AuditLog audit,
    PausedWorkflows paused,
    ApiTokens tokens,
    ApprovalStore approvals) {
  public Stores {
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(attempts, "attempts");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(doors, "doors");
    Objects.requireNonNull(referrals, "referrals");
    Objects.requireNonNull(escalations, "escalations");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(locks, "locks");
    Objects.requireNonNull(transactor, "transactor");
    Objects.requireNonNull(transcripts, "transcripts");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(syncState, "syncState");
    Objects.requireNonNull(holds, "holds");
    Objects.requireNonNull(payLinks, "payLinks");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(paused, "paused");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(approvals, "approvals");
  }

  /** The Jdbi implementations on one database. */
  public static Stores on(Database database) {
    var jdbi = database.jdbi();
    return new Stores(
        new JdbiMemberStore(jdbi),
        new JdbiAttemptStore(jdbi),
        new JdbiNoteStore(jdbi),
        new JdbiOutbox(jdbi),
        new JdbiDoorLog(jdbi),
        new JdbiReferralStore(jdbi),
        new JdbiEscalationStore(jdbi),
        new JdbiRunStore(jdbi),
        new JdbiWorkflowLocks(jdbi),
        new JdbiTransactor(jdbi),
        new JdbiTranscriptStore(jdbi),
        new JdbiPaymentStore(jdbi),
        new JdbiSyncStateStore(jdbi),
        new JdbiHoldStore(jdbi),
        new JdbiPayLinks(jdbi),
        new JdbiAuditLog(jdbi),
        new JdbiPausedWorkflows(jdbi),
        new JdbiApiTokens(jdbi),
        new JdbiApprovalStore(jdbi));
  }
}
