package com.gymops.application.agent;

import java.util.regex.Pattern;

/**
 * Removes secrets from transcript text: the deployment's own API key wherever it appears, and
 * anything shaped like an Anthropic key (a member note could carry one as well as anything else).
 */
record Redaction(String apiKey) {
  private static final Pattern KEY_SHAPE = Pattern.compile("sk-ant-[A-Za-z0-9_\\-]{8,}");
  static final String MASK = "[redacted]";

  String apply(String text) {
    String redacted = text;
    if (apiKey != null && !apiKey.isBlank()) {
      redacted = redacted.replace(apiKey, MASK);
    }
    return KEY_SHAPE.matcher(redacted).replaceAll(MASK);
  }
}
