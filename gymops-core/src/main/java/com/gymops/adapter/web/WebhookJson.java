package com.gymops.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the providers' event bodies: each missing or malformed field named by its path. */
final class WebhookJson {
  /** A gym balance is under $100,000, as for GymOps' own webhook. */
  private static final long MAX_CENTS = 10_000_000L;

  private WebhookJson() {}

  static String text(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(path + " is missing");
    }
    return value.asText();
  }

  static long seconds(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(path + " is not a number of seconds");
    }
    return value.asLong();
  }

  /** An amount in cents, as both providers write money: 0 up to a gym's largest balance. */
  static long cents(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(path + " is not an amount in cents");
    }
    long cents = value.asLong();
    if (cents < 0 || cents >= MAX_CENTS) {
      throw new IllegalArgumentException(
          path + " is " + cents + " cents: a gym amount is from 0 to under $100,000");
    }
    return cents;
  }
}
