package com.gymops.application.console;

import java.util.List;

/** An approval in the inbox: what it covers, why it was raised, and its decision if any. */
public record ApprovalRow(
    String id,
    String club,
    String kind,
    String workflow,
    String summary,
    String requestedBy,
    String runId,
    String createdAt,
    String expiresAt,
    String status,
    String decidedBy,
    String decidedAt,
    String reason,
    List<Covered> actions) {
  public boolean pending() {
    return status.equals("pending");
  }

  /** One action the approval covers, with the text the member would get. */
  public record Covered(String memberId, String action, String detail, String text) {}
}
