package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The manager console's read model: the few set-based queries its pages ask that no workflow needs.
 * Every list is bounded by a limit, so a page costs the same on a club of 100,000. Thread-safe.
 */
public interface ConsoleReads {
  /**
   * The latest real (not dry) run of each workflow that has one for the club, without its report
   * ({@code reportJson} null): a report lists every member it concerned, megabytes on a large club.
   */
  Map<WorkflowId, WorkflowRun> lastRuns(ClubId club);

  /** The stored report of a run, if it has finished. */
  Optional<String> report(String runId);

  /** Real runs of each workflow for the club started at or after {@code since}, by status. */
  Map<WorkflowId, Map<RunStatus, Long>> runStatusesSince(ClubId club, Instant since);

  /**
   * The club's approvals still pending at {@code now}: not decided, not yet expired (the expiry
   * pass may not have marked one whose time is up).
   */
  long pendingApprovals(ClubId club, Instant now);

  /**
   * Runs matching the filter, newest first, without their reports ({@code reportJson} null; {@link
   * #report} reads one).
   */
  List<WorkflowRun> runs(RunFilter filter);

  /** Messages of the club that ended FAILED and were created at or after {@code since}. */
  long failedMessagesSince(ClubId club, Instant since);

  /** The sum of payments received for the club's members at or after {@code since}. */
  Money paymentsReceivedSince(ClubId club, Instant since);

  /**
   * Members of {@code clubs} whose id is {@code text}, whose first or last name starts with it (for
   * two words or more: whose first name starts with the first and last name with the rest), or
   * whose phone contains its digits (at least four), by last name. Names are found by their start,
   * from an index, so a search costs the same on a club of 100,000.
   */
  List<Member> searchMembers(Set<ClubId> clubs, String text, int limit);

  /**
   * The club's messages in one view of the outbox, newest first (due and deferred ones in the order
   * they go out), {@code limit} of them after the first {@code offset}.
   */
  List<OutboundMessage> messages(
      Set<ClubId> clubs, OutboxView view, Instant now, int offset, int limit);

  /** The first {@code limit} messages of one view of the outbox. */
  default List<OutboundMessage> messages(
      Set<ClubId> clubs, OutboxView view, Instant now, int limit) {
    return messages(clubs, view, now, 0, limit);
  }

  /** The most {@link #messageCounts} counts in a view; a view holding more says this many. */
  int OUTBOX_COUNT_CAP = 1_000;

  /**
   * How many messages of {@code clubs} each view of the outbox holds at {@code now}, up to {@link
   * #OUTBOX_COUNT_CAP}.
   */
  Map<OutboxView, Long> messageCounts(Set<ClubId> clubs, Instant now);

  List<DoorChangeRow> doorChanges(MemberId member);

  List<PaymentRow> payments(MemberId member);

  List<ReferralRow> referrals(MemberId member);

  /** The outbox as a manager sorts it. */
  enum OutboxView {
    /** Queued and due: the next dispatch sends them. */
    DUE,
    /** Queued for later: the sending window, or a retry's backoff. */
    DEFERRED,
    /** Failed with the provider's reason. */
    FAILED,
    /** Failed because GymOps stopped while sending: whether it left is unknown. */
    UNKNOWN,
    /** Sent or delivered. */
    SENT,
    /** Written to the message log because no provider is configured: nothing left. */
    LOGGED
  }

  /**
   * Which runs to list.
   *
   * @param workflow null for all; {@code status} likewise; {@code member} null for runs of anyone
   */
  record RunFilter(
      Set<ClubId> clubs, WorkflowId workflow, RunStatus status, MemberId member, int limit) {
    public RunFilter {
      clubs = Set.copyOf(clubs);
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1");
      }
    }
  }

  record DoorChangeRow(Instant at, DoorAccess door, String runId) {
    public DoorChangeRow {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(door, "door");
    }
  }

  record PaymentRow(String paymentId, Money amount, Instant paidAt, Money before, Money after) {}

  record ReferralRow(LocalDate referredOn, Money amount, int attempts, LocalDate closedOn) {}
}
