package com.gymops.policy;

import java.time.Instant;
import java.util.Map;

/**
 * When each marketing template last went to a member (queued or sent), by template key; the
 * campaign rules need nothing more.
 */
public record MarketingHistory(Map<String, Instant> lastSentByTemplate) {
  public static final MarketingHistory NONE = new MarketingHistory(Map.of());

  public MarketingHistory {
    lastSentByTemplate = Map.copyOf(lastSentByTemplate);
  }
}
