package com.gymops.adapter.door;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A door system's answer that was not retried: the caller reads its status and body. */
record DoorResponse(int status, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR = 200;

  boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The body as JSON; a body that is not JSON is the system answering off its documentation. */
  JsonNode json(String system, String what) {
    try {
      JsonNode node = JSON.readTree(body == null || body.isBlank() ? "null" : body);
      if (node == null || node.isNull() || node.isMissingNode()) {
        throw new DoorApiException(system + " answered " + what + " with an empty body");
      }
      return node;
    } catch (IOException e) {
      throw new DoorApiException(system + " answered " + what + " with something that is not JSON");
    }
  }

  /**
   * The error's own words: {@code message}, {@code error_description}, {@code error} or the first
   * of {@code errors}, whichever the system sends; else the body itself, shortened.
   */
  String error() {
    String text = body == null ? "" : body.strip();
    try {
      JsonNode node = JSON.readTree(text);
      for (String field : new String[] {"message", "error_description", "error", "detail"}) {
        if (node != null && node.path(field).isTextual()) {
          text = node.path(field).asText();
          break;
        }
      }
      if (node != null && node.path("errors").isArray() && !node.path("errors").isEmpty()) {
        JsonNode first = node.path("errors").get(0);
        text = first.isTextual() ? first.asText() : first.path("message").asText(text);
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the body as it is
    }
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "..." : text;
  }

  /** "HTTP 404: Not found", for the manager. */
  String describe() {
    String error = error();
    return "HTTP " + status + (error.isEmpty() ? "" : ": " + error);
  }
}
