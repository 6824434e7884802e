package com.gymops.application.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.fakes.ScriptedModel;

/**
 * Makes the mistakes a hurried model makes: the wrong reminder tier, a tool that does not exist,
 * input that does not fit the schema, a tool of another workflow. Then stops without executing.
 */
final class CarelessModel implements ScriptedModel {
  private final String member;

  CarelessModel(String member) {
    this.member = member;
  }

  @Override
  public Reply respond(JsonNode request) {
    if (request.get("messages").size() == 1) {
      return new Answer()
          .call("send_payment_reminder", "{\"member_id\": \"" + member + "\", \"type\": \"final\"}")
          .call("delete_member", "{\"member_id\": \"" + member + "\"}")
          .call("send_payment_reminder", "{\"member_id\": 42, \"type\": \"loud\"}")
          .call("lock_door_for_member", "{}")
          .call("send_bulk_campaign", "{\"template\": \"monthly_special\"}")
          .toolUse();
    }
    return new Answer().text("Done.").endTurn();
  }
}
