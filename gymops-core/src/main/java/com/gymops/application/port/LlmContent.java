package com.gymops.application.port;

import java.util.Objects;

/**
 * One block of a message to or from the model. A cache breakpoint on a block asks the API to cache
 * the request up to and including it (docs/ARCHITECTURE.md, Agent mode).
 */
public sealed interface LlmContent {
  /** Words, from us (the task, the system prompt) or from the model. */
  record Text(String text, boolean cacheBreakpoint) implements LlmContent {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    public Text(String text) {
      this(text, false);
    }
  }

  /**
   * The model's reasoning; sent back exactly as it came, signature included, or the API refuses the
   * next request.
   */
  record Thinking(String thinking, String signature) implements LlmContent {
    public Thinking {
      Objects.requireNonNull(thinking, "thinking");
      Objects.requireNonNull(signature, "signature");
    }
  }

  /** Reasoning the API encrypted; sent back as it came. */
  record RedactedThinking(String data) implements LlmContent {
    public RedactedThinking {
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * The model calls a tool.
   *
   * @param inputJson the call's input, a JSON object as text
   */
  record ToolUse(String id, String name, String inputJson) implements LlmContent {
    public ToolUse {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(inputJson, "inputJson");
    }
  }

  /**
   * Our answer to one tool call.
   *
   * @param content the result as text (GymOps sends JSON)
   * @param isError the call was refused or failed; the model reads the content as the reason
   */
  record ToolResult(String toolUseId, String content, boolean isError, boolean cacheBreakpoint)
      implements LlmContent {
    public ToolResult {
      Objects.requireNonNull(toolUseId, "toolUseId");
      Objects.requireNonNull(content, "content");
    }

    public ToolResult(String toolUseId, String content, boolean isError) {
      this(toolUseId, content, isError, false);
    }

    public ToolResult withCacheBreakpoint() {
      return new ToolResult(toolUseId, content, isError, true);
    }
  }
}
