package com.gymops.adapter.persistence;

import com.gymops.application.port.store.Stores;
import com.gymops.application.port.store.WorkflowLocks;

/**
 * The one way into this package: the store ports on a database, each a Jdbi implementation that
 * nothing outside this package names.
 */
public final class Persistence {
  private Persistence() {}

  /** The Jdbi implementations on one database. */
  public static Stores stores(Database database) {
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
        new JdbiSenderPauses(jdbi),
        new JdbiHoldStore(jdbi),
        new JdbiPayLinks(jdbi),
        new JdbiAuditLog(jdbi),
        new JdbiPausedWorkflows(jdbi),
        new JdbiApiTokens(jdbi),
        new JdbiApprovalStore(jdbi),
        new JdbiClubSystemLinks(jdbi));
  }
}
