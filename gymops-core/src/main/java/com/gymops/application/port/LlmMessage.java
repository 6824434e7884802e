package com.gymops.application.port;

import java.util.List;
import java.util.Objects;

/** One message of a conversation with the model. */
public record LlmMessage(Role role, List<LlmContent> content) {
  public enum Role {
    USER,
    ASSISTANT
  }

  public LlmMessage {
    Objects.requireNonNull(role, "role");
    content = List.copyOf(content);
  }

  /** A user message of plain words (the task). */
  public static LlmMessage user(String text) {
    return new LlmMessage(Role.USER, List.of(new LlmContent.Text(text)));
  }

  /** The one plain text block, when that is all the message holds (the API's short form). */
  public boolean isPlainText() {
    return content.size() == 1
        && content.get(0) instanceof LlmContent.Text text
        && !text.cacheBreakpoint();
  }
}
