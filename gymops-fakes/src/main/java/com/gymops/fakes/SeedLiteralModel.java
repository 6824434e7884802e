package com.gymops.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * past-due-monitoring as the specification's agent task spells it: get_past_due_members, then for
 * each member a turn of get_member_profile, get_collection_attempts and check_member_access_status,
 * and a turn of send_payment_reminder by the specification's bands (plus lock and urgent note at
 * $100 and 4 attempts). Two turns per member, each re-sending the whole conversation.
 */
public final class SeedLiteralModel implements ScriptedModel {
  private static final int PAGE = 200;

  private final Deque<JsonNode> members = new ArrayDeque<>();
  private JsonNode current;

  /**
   * The requests this script needs to finish with {@code pastDueMembers}: a page of 200 members
   * each, two turns per member, a closing one.
   */
  public static int requestsToFinish(int pastDueMembers) {
    return requestsBeforeMembers(pastDueMembers) + 2 * pastDueMembers;
  }

  /** The first request, then one per page of past-due members; member turns come after. */
  public static int requestsBeforeMembers(int pastDueMembers) {
    return 1 + (pastDueMembers + PAGE - 1) / PAGE;
  }

  @Override
  public Reply respond(JsonNode request) {
    Map<String, List<JsonNode>> results = ScriptedModel.lastResults(request);
    if (request.get("messages").size() == 1) {
      return page(0);
    }
    if (results.containsKey("get_past_due_members")) {
      JsonNode page = results.get("get_past_due_members").get(0);
      page.path("members").forEach(members::add);
      if (page.hasNonNull("next_offset")) {
        return page(page.get("next_offset").asInt());
      }
    }
    if (current != null && results.containsKey("get_member_profile")) {
      return act(current);
    }
    current = members.poll();
    if (current == null) {
      return new Answer().text("All past due members processed.").endTurn();
    }
    String id = "{\"member_id\": \"" + current.path("member_id").asText() + "\"}";
    return new Answer()
        .call("get_member_profile", id)
        .call("get_collection_attempts", id)
        .call("check_member_access_status", id)
        .toolUse();
  }

  private static Reply page(int offset) {
    return new Answer()
        .call(
            "get_past_due_members",
            "{\"min_amount\": 0.01, \"offset\": " + offset + ", \"limit\": " + PAGE + "}")
        .toolUse();
  }

  private Reply act(JsonNode member) {
    String id = member.path("member_id").asText();
    double amount = member.path("amount").asDouble();
    int attempts = member.path("attempts").asInt();
    String tier = amount >= 100 ? "final" : amount >= 50 || attempts >= 2 ? "firm" : "friendly";
    Answer answer =
        new Answer()
            .call(
                "send_payment_reminder",
                "{\"member_id\": \"" + id + "\", \"type\": \"" + tier + "\"}");
    if (amount >= 100 && attempts >= 4) {
      answer
          .call(
              "lock_door_for_member",
              "{\"member_id\": \"" + id + "\", \"reason\": \"$100+ and 4+ attempts\"}")
          .call(
              "add_member_note",
              "{\"member_id\": \""
                  + id
                  + "\", \"priority\": \"urgent\", \"category\": \"billing\","
                  + " \"note\": \"Door locked for past due balance\"}");
    }
    current = null;
    return answer.toolUse();
  }
}
