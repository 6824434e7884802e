package com.gymops.application.port.store;

import com.gymops.domain.Approval;
import com.gymops.domain.ClubId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Approvals and the actions they cover. Thread-safe. */
public interface ApprovalStore {
  /**
   * Files the approval with its actions in one transaction, unless {@code idempotencyKey} was used:
   * a rerun of the same period files nothing new.
   */
  boolean file(Approval approval, String idempotencyKey);

  Optional<Approval> find(String id);

  /** The approval without its actions (an empty list): a page that counts them reads no more. */
  Optional<Approval> findHeader(String id);

  /**
   * The club's pending approvals, oldest first, then its {@code decidedLimit} latest decided ones,
   * newest first, each without its actions (an empty list).
   */
  List<Approval> inboxHeaders(ClubId club, int decidedLimit);

  /** The club's approvals (every club when null), newest first; only pending ones if asked. */
  List<Approval> list(ClubId club, boolean pendingOnly);

  /**
   * Moves a pending approval to {@code status}: the one conditional update that decides it, so of
   * two deciders at once exactly one gets true.
   */
  boolean decide(String id, Approval.Status status, String by, Instant at, String reason);

  /** The club's {@code limit} latest decided (or expired) approvals, newest first. */
  List<Approval> recentlyDecided(ClubId club, int limit);

  /** The club's approvals created at or after {@code since}, newest first. */
  List<Approval> filedSince(ClubId club, Instant since);

  /** Pending approvals whose time is up. */
  List<Approval> pendingExpiredAt(Instant now);

  /** Approved approvals not yet executed. */
  List<Approval> approvedUnexecuted();

  /**
   * Claims an approved, unexecuted approval for execution by {@code runId}, unless another claim
   * younger than {@code staleBefore} stands.
   */
  boolean claim(String id, String runId, Instant at, Instant staleBefore);

  /** Records the outcome of each covered action and marks the approval executed. */
  void executed(String id, String runId, Instant at, List<String> outcomes);
}
