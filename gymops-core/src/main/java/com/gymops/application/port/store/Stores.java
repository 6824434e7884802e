package com.gymops.application.port.store;

import java.util.Objects;

/**
 * Every store port of one database, as the composition root hands them out; {@code
 * adapter.persistence.Persistence} makes one on a database.
 */
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
    InboundStore inbound,
    SenderPauses senderPauses,
    HoldStore holds,
    PayLinks payLinks,
    AuditLog audit,
    PausedWorkflows paused,
    ApiTokens tokens,
    ApprovalStore approvals,
    ClubSystemLinks clubLinks) {
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
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(senderPauses, "senderPauses");
    Objects.requireNonNull(holds, "holds");
    Objects.requireNonNull(payLinks, "payLinks");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(paused, "paused");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(approvals, "approvals");
    Objects.requireNonNull(clubLinks, "clubLinks");
  }
}
