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
    InboundStore inbound,
    SenderPauses senderPauses) {
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
        database
            .embeddedDirectory()
            .<WorkflowLocks>map(
                directory -> new EmbeddedWorkflowLocks(new JdbiWorkflowLocks(jdbi), directory))
            .orElseGet(() -> new JdbiWorkflowLocks(jdbi)),
        new JdbiTransactor(jdbi),
        new JdbiTranscriptStore(jdbi),
        new JdbiPaymentStore(jdbi),
        new JdbiSyncStateStore(jdbi),
        new JdbiInboundStore(jdbi),
        new JdbiSenderPauses(jdbi));
  }
}
