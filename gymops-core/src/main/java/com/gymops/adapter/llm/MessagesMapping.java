package com.gymops.adapter.llm;

import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RedactedThinkingBlockParam;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ThinkingBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.gymops.application.port.LlmContent;
import com.gymops.application.port.LlmMessage;
import com.gymops.application.port.LlmRequest;
import com.gymops.application.port.LlmResponse;
import com.gymops.application.port.LlmTool;
import com.gymops.application.port.LlmUnavailableException;
import com.gymops.application.port.LlmUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * GymOps's records to the SDK's request types and the SDK's answer back to GymOps's records. A
 * block type GymOps never asks for (server tools, citations' documents) cannot be echoed
 * faithfully, so an answer holding one is unreadable rather than silently trimmed.
 */
final class MessagesMapping {
  private MessagesMapping() {}

  static MessageCreateParams params(LlmRequest request) {
    MessageCreateParams.Builder params =
        MessageCreateParams.builder()
            .model(request.model())
            .maxTokens(request.maxTokens())
            .systemOfTextBlockParams(request.system().stream().map(MessagesMapping::text).toList())
            .messages(request.messages().stream().map(MessagesMapping::message).toList());
    request.tools().forEach(tool -> params.addTool(tool(tool)));
    return params.build();
  }

  static LlmResponse response(Message message) {
    List<LlmContent> content = new ArrayList<>(message.content().size());
    for (ContentBlock block : message.content()) {
      content.add(content(block));
    }
    return new LlmResponse(
        message.id(),
        message.model().asString(),
        content,
        message.stopReason().map(StopReason::asString).orElse("none"),
        usage(message.usage()));
  }

  private static MessageParam message(LlmMessage message) {
    boolean user = message.role() == LlmMessage.Role.USER;
    // The task goes as the API's short form, a string, as it always has.
    if (user && message.isPlainText()) {
      return MessageParam.ofUser(((LlmContent.Text) message.content().get(0)).text());
    }
    List<ContentBlockParam> blocks =
        message.content().stream().map(MessagesMapping::block).toList();
    return user
        ? MessageParam.ofUserOfContentBlockParams(blocks)
        : MessageParam.ofAssistantOfContentBlockParams(blocks);
  }

  private static ContentBlockParam block(LlmContent content) {
    if (content instanceof LlmContent.Text text) {
      return ContentBlockParam.ofText(text(text));
    }
    if (content instanceof LlmContent.Thinking thinking) {
      return ContentBlockParam.ofThinking(
          ThinkingBlockParam.builder()
              .thinking(thinking.thinking())
              .signature(thinking.signature())
              .build());
    }
    if (content instanceof LlmContent.RedactedThinking redacted) {
      return ContentBlockParam.ofRedactedThinking(
          RedactedThinkingBlockParam.builder().data(redacted.data()).build());
    }
    if (content instanceof LlmContent.ToolUse call) {
      return ContentBlockParam.ofToolUse(
          ToolUseBlockParam.builder()
              .id(call.id())
              .name(call.name())
              .input(read(call.inputJson(), ToolUseBlockParam.Input.class))
              .build());
    }
    LlmContent.ToolResult result = (LlmContent.ToolResult) content;
    ToolResultBlockParam.Builder block =
        ToolResultBlockParam.builder()
            .toolUseId(result.toolUseId())
            .content(result.content())
            .isError(result.isError());
    if (result.cacheBreakpoint()) {
      block.cacheControl(CacheControlEphemeral.builder().build());
    }
    return ContentBlockParam.ofToolResult(block.build());
  }

  private static TextBlockParam text(LlmContent.Text text) {
    TextBlockParam.Builder block = TextBlockParam.builder().text(text.text());
    if (text.cacheBreakpoint()) {
      block.cacheControl(CacheControlEphemeral.builder().build());
    }
    return block.build();
  }

  private static Tool tool(LlmTool tool) {
    return Tool.builder()
        .name(tool.name())
        .description(tool.description())
        .inputSchema(read(tool.inputSchemaJson(), Tool.InputSchema.class))
        .build();
  }

  private static LlmContent content(ContentBlock block) {
    if (block.isText()) {
      return new LlmContent.Text(block.asText().text());
    }
    if (block.isThinking()) {
      return new LlmContent.Thinking(block.asThinking().thinking(), block.asThinking().signature());
    }
    if (block.isRedactedThinking()) {
      return new LlmContent.RedactedThinking(block.asRedactedThinking().data());
    }
    if (block.isToolUse()) {
      return new LlmContent.ToolUse(
          block.asToolUse().id(), block.asToolUse().name(), write(block.asToolUse()._input()));
    }
    throw new LlmUnavailableException(
        LlmUnavailableException.Reason.UNREADABLE_ANSWER,
        0,
        "the answer holds a " + block.type() + " block, which GymOps never asks for",
        null);
  }

  private static LlmUsage usage(Usage usage) {
    return new LlmUsage(
        usage.inputTokens(),
        usage.outputTokens(),
        usage.cacheCreationInputTokens().orElse(0L),
        usage.cacheReadInputTokens().orElse(0L));
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return ObjectMappers.jsonMapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + json, e);
    }
  }

  private static String write(JsonValue value) {
    try {
      return ObjectMappers.jsonMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new LlmUnavailableException(
          LlmUnavailableException.Reason.UNREADABLE_ANSWER, 0, e.getMessage(), e);
    }
  }
}
