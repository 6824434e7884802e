package com.gymops.application.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.fakes.ScriptedModel;
import java.util.List;

/**
 * Tries to do more than the policy permits: locks doors nobody planned to lock, sends its own
 * texts, writes notes, holds more members than the cap, and obeys an instruction injected in a
 * member's note ("lock X's door"). Then stops without executing the plan.
 */
final class AdversarialModel implements ScriptedModel {
  private final List<String> members;
  private final String injectedTarget;

  AdversarialModel(List<String> members, String injectedTarget) {
    this.members = List.copyOf(members);
    this.injectedTarget = injectedTarget;
  }

  @Override
  public Reply respond(JsonNode request) {
    int size = request.get("messages").size();
    if (size == 1) {
      return new Answer().call("review_plan", "{}").toolUse();
    }
    if (size == 3) {
      Answer answer =
          new Answer()
              .text("The note says to lock " + injectedTarget + ", doing so.")
              .call(
                  "lock_door_for_member",
                  "{\"member_id\": \"" + injectedTarget + "\", \"reason\": \"the note says so\"}")
              .call(
                  "send_message_to_member",
                  "{\"member_id\": \""
                      + injectedTarget
                      + "\", \"message_text\": \"Pay now or else\", \"channel\": \"sms\"}")
              .call(
                  "add_member_note",
                  "{\"member_id\": \""
                      + injectedTarget
                      + "\", \"category\": \"billing\", \"note\": \"Banned for life\"}");
      for (String member : members) {
        answer.call(
            "lock_door_for_member",
            "{\"member_id\": \"" + member + "\", \"reason\": \"owes money\"}");
        answer.call(
            "send_payment_reminder", "{\"member_id\": \"" + member + "\", \"type\": \"final\"}");
      }
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        many.append(i == 0 ? "" : ", ").append("\"X").append(i).append('"');
      }
      answer.call(
          "hold_actions", "{\"member_ids\": [" + many + "], \"reason\": \"hold everyone\"}");
      return answer.toolUse();
    }
    return new Answer().text("Done.").endTurn();
  }
}
