package com.gymops.adapter.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Twilio's error body, {@code {"code": 21610, "message": "...", "more_info": "...", "status":
 * 400}}; a body that is not Twilio's JSON (a proxy's HTML page) gives code 0 and the raw text.
 */
record TwilioError(int code, String message, int httpStatus) {
  static final int UNSUBSCRIBED_RECIPIENT = 21610;
  static final int INVALID_TO_NUMBER = 21211;
  static final int NOT_A_MOBILE_NUMBER = 21614;

  private static final int MAX_RAW = 200;

  static TwilioError parse(ObjectMapper json, int httpStatus, String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.isObject() && node.has("code")) {
        return new TwilioError(
            node.path("code").asInt(0), node.path("message").asText(""), httpStatus);
      }
    } catch (IOException e) {
      // not JSON: keep the text as it came
    }
    String raw = body == null ? "" : body.strip();
    return new TwilioError(
        0, raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + "..." : raw, httpStatus);
  }

  /** What the outbox keeps: the provider's code and message, and the HTTP status. */
  String describe() {
    return "twilio " + (code == 0 ? "error" : code) + ": " + message + " (HTTP " + httpStatus + ")";
  }
}
