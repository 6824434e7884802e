package com.gymops.application.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.fakes.ScriptedModel;

/** Answers every request with the same error: 529 is the overloaded model, 401 a bad key. */
final class FailingModel implements ScriptedModel {
  private final int status;

  FailingModel(int status) {
    this.status = status;
  }

  static FailingModel overloaded() {
    return new FailingModel(529);
  }

  @Override
  public Reply respond(JsonNode request) {
    String type =
        switch (status) {
          case 400 -> "invalid_request_error";
          case 401 -> "authentication_error";
          case 429 -> "rate_limit_error";
          case 529 -> "overloaded_error";
          default -> "api_error";
        };
    return Reply.error(status, type, "scripted " + type);
  }
}
