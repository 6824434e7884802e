package com.gymops.adapter.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.port.SenderProblem;
import java.io.IOException;
import java.util.Optional;

/**
 * Twilio's error body, {@code {"code": 21610, "message": "...", "more_info": "...", "status":
 * 400}}; a body that is not Twilio's JSON (a proxy's HTML page) gives code 0 and the raw text.
 */
record TwilioError(int code, String message, int httpStatus) {
  static final int UNSUBSCRIBED_RECIPIENT = 21610;
  static final int INVALID_TO_NUMBER = 21211;
  static final int NOT_A_MOBILE_NUMBER = 21614;

  private static final int MAX_RAW = 200;

  /**
   * Twilio's errors of the sender, not of one message (30034 unregistered A2P 10DLC, 30032
   * unverified toll-free, 30007 carrier filtering, 21606 a From number that cannot send): every
   * text would fail the same way.
   */
  static Optional<SenderProblem> senderProblem(int code) {
    return switch (code) {
      case 30034 -> Optional.of(SenderProblem.UNREGISTERED_CAMPAIGN);
      case 30032 -> Optional.of(SenderProblem.UNVERIFIED_TOLL_FREE);
      case 30007 -> Optional.of(SenderProblem.CARRIER_FILTERED);
      case 21606 -> Optional.of(SenderProblem.SENDER_NOT_ALLOWED);
      default -> Optional.empty();
    };
  }

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
