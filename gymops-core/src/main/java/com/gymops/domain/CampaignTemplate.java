package com.gymops.domain;

import java.util.Objects;

/** A message text with {@code {first_name}}-style variables, filed under a template key. */
public record CampaignTemplate(String key, MessagePurpose purpose, String body) {
  public CampaignTemplate {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(body, "body");
  }
}
