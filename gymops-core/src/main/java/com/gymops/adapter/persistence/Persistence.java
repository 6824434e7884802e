package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.ConsoleSessionStore;
import com.gymops.application.port.store.ConsoleUserStore;
import com.gymops.application.port.store.DigestReads;
import com.gymops.application.port.store.DoorLinks;
import com.gymops.application.port.store.FireLog;
import com.gymops.application.port.store.IntegrationHealthStore;
import com.gymops.application.port.store.LoginThrottleStore;
import com.gymops.application.port.store.Stores;
import com.gymops.application.port.store.SummaryReads;
import com.gymops.application.port.store.WorkflowLocks;

/**
 * The one way into this package: the store ports on a database, each a Jdbi implementation that
 * nothing outside this package names. The ports a run uses come together in {@link Stores}; the
 * console's, the scheduler's and the health page's come one by one, to the one service that uses
 * each.
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

  /** The console's pages: filtered, paged reads across the stores. */
  public static ConsoleReads consoleReads(Database database) {
    return new JdbiConsoleReads(database.jdbi());
  }

  /** A run's page in the console, fifty actions at a time. */
  public static com.gymops.application.port.store.RunPages runPages(Database database) {
    return new JdbiRunPages(database.jdbi());
  }

  /** The console digest's counts: approvals' covered actions and runs' texts, aggregated. */
  public static DigestReads digestReads(Database database) {
    return new JdbiDigestReads(database.jdbi());
  }

  public static ConsoleUserStore consoleUsers(Database database) {
    return new JdbiConsoleUserStore(database.jdbi());
  }

  public static ConsoleSessionStore consoleSessions(Database database) {
    return new JdbiConsoleSessionStore(database.jdbi());
  }

  public static LoginThrottleStore loginThrottle(Database database) {
    return new JdbiLoginThrottleStore(database.jdbi());
  }

  /** Each member's user id in a door system with ids of its own (Kisi, Brivo, Openpath). */
  public static DoorLinks doorLinks(Database database) {
    return new JdbiDoorLinks(database.jdbi());
  }

  /** What each integration last answered, for the Settings page. */
  public static IntegrationHealthStore integrationHealth(Database database) {
    return new JdbiIntegrationHealth(database.jdbi());
  }

  /** The daily summary's figures. */
  public static SummaryReads summaryReads(Database database) {
    return new JdbiSummaryReads(database.jdbi());
  }

  /** The scheduler's record of the fires it ran. */
  public static com.gymops.application.port.store.ProviderBilling providerBilling(
      Database database) {
    return new JdbiProviderBilling(database.jdbi());
  }

  public static FireLog fireLog(Database database) {
    return new JdbiFireLog(database.jdbi());
  }
}
