package com.gymops.application.console;

import java.util.List;

/**
 * An approval on the Approvals page as a digest: what it covers counted (members, actions, the
 * total in dollars), each kind of action with how many and one example text, the first members by
 * name, and once decided what the decision did, all from aggregate reads (docs/MANAGER.md).
 *
 * @param kind the kind's code ({@code large_campaign}...), for the page's markup
 * @param title the kind in words
 * @param headline what it does, in a sentence: "Send 462 texts to 462 members"
 * @param why why it waits for a person
 * @param first the first few covered members in plan order, name beside id
 * @param result what the decision did, one sentence a line; empty while pending
 */
public record ApprovalRow(
    String id,
    String club,
    String kind,
    String title,
    String workflow,
    String headline,
    String why,
    String requestedBy,
    String runId,
    String createdAt,
    String expiresAt,
    String status,
    String decidedBy,
    String decidedAt,
    String reason,
    long members,
    List<Group> groups,
    List<Named> first,
    List<String> result) {
  public boolean pending() {
    return status.equals("pending");
  }

  /** The members not among {@link #first}. */
  public long more() {
    return Math.max(0, members - first.size());
  }

  /**
   * One kind of covered action.
   *
   * @param line how many, in words: "190 welcome texts to prospects"
   * @param example one rendered text of the kind; empty when it sends none
   */
  public record Group(String line, String example) {}

  /** A covered member: name beside id, and what the approval does for them. */
  public record Named(String memberId, String name, String what) {}
}
