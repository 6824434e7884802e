package com.gymops.application.port.store;

import com.gymops.domain.MessageStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The aggregate reads behind the console's Approvals digest and the figures of a decision or a run
 * (docs/MANAGER.md, "The console"): counts and a bounded page of rows, never every covered action,
 * so a page costs the same for a campaign of 400 texts and one of 40,000. Thread-safe.
 */
public interface DigestReads {
  /**
   * The approval's covered actions counted by action and detail (a text's template, a referral's
   * amount, a note's priority and category), with the covered members of each.
   */
  List<ActionCount> actionCounts(String approvalId);

  /** The number of distinct members the approval covers. */
  long coveredMembers(String approvalId);

  /**
   * One rendered text of the approval's actions of {@code action}, of {@code detail} when it is not
   * null, if any has one.
   */
  Optional<String> exampleText(String approvalId, String action, String detail);

  /** The first {@code limit} covered members in plan order, read from the start of the plan. */
  List<String> firstMemberIds(String approvalId, int limit);

  /**
   * The covered members in plan order, {@code offset} and at most {@code limit} of them, whose id
   * is {@code search} or whose name contains it (every member for a blank search).
   */
  List<String> coveredMemberIds(String approvalId, String search, int offset, int limit);

  /** How many covered members {@link #coveredMemberIds} pages over for {@code search}. */
  long countCoveredMembers(String approvalId, String search);

  /** The covered actions of these members, in plan order, with each member's name. */
  List<CoveredRow> covered(String approvalId, Collection<String> memberIds);

  /** The approval's covered actions counted by action and the outcome their execution recorded. */
  List<OutcomeCount> outcomes(String approvalId);

  /** The texts a run queued, by status, and for the queued ones by when they are due. */
  List<MessageCount> messagesOfRun(String runId);

  record ActionCount(String action, String detail, long actions, long members) {}

  /**
   * One covered action.
   *
   * @param name the member's first and last name; empty when the member is gone
   * @param text the text it sends, or null
   */
  record CoveredRow(
      int seq, String memberId, String name, String action, String detail, String text) {}

  /**
   * @param outcome null before the approval was executed
   */
  record OutcomeCount(String action, String outcome, long count) {}

  /**
   * @param notBefore for a queued text, when it is due; null for any other status
   */
  record MessageCount(MessageStatus status, Instant notBefore, long count) {}
}
