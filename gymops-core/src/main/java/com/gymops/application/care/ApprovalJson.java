package com.gymops.application.care;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import java.util.List;

/** Approvals as {@code gymops approvals --json} and the API print them (a stable interface). */
public final class ApprovalJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApprovalJson() {}

  public static ArrayNode list(List<Approval> approvals) {
    ArrayNode array = JSON.createArrayNode();
    approvals.forEach(approval -> array.add(of(approval)));
    return array;
  }

  public static ObjectNode of(Approval approval) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", approval.id());
    node.put("club_id", approval.clubId().value());
    node.put("kind", approval.kind().code());
    node.put("workflow", approval.workflow().id());
    node.put("summary", approval.summary());
    node.put("status", approval.status().code());
    node.put("requested_by", approval.requestedBy());
    node.put("run_id", approval.runId());
    node.put("created_at", approval.createdAt().toString());
    node.put("expires_at", approval.expiresAt().toString());
    node.put("decided_by", approval.decidedBy());
    node.put("decided_at", approval.decidedAt() == null ? null : approval.decidedAt().toString());
    node.put("reason", approval.reason());
    node.put(
        "executed_at", approval.executedAt() == null ? null : approval.executedAt().toString());
    ArrayNode actions = node.putArray("actions");
    for (ApprovalAction action : approval.actions()) {
      actions
          .addObject()
          .put("member_id", action.memberId() == null ? null : action.memberId().value())
          .put("action", action.action())
          .put("detail", action.detail())
          .put("text", action.text())
          .put("outcome", action.outcome());
    }
    return node;
  }
}
