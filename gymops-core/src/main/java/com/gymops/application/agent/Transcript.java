package com.gymops.application.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.port.LlmRequest;
import com.gymops.application.port.LlmResponse;
import com.gymops.domain.TranscriptEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's record of the decision to ask the model or not, and of every request and response. A
 * request is stored with only the messages it added since the previous one ({@code messages_from}
 * says where they start), the first one in full with system prompt and tools, and under {@code
 * replaced} any earlier message it re-sent changed (a summarised answer): the whole conversation
 * can be rebuilt, and storage grows with the turns, not with their square. Not thread-safe: one
 * run, one thread.
 */
final class Transcript {
  private final Clock clock;
  private final Redaction redaction;
  private final List<TranscriptEntry> entries = new ArrayList<>();
  private int messagesStored;
  private ArrayNode previous;

  Transcript(Clock clock, Redaction redaction) {
    this.clock = clock;
    this.redaction = redaction;
  }

  /** Records the request and returns the size of its body as sent, in bytes. */
  long request(LlmRequest request) {
    JsonNode body = MessagesJson.request(request);
    long bytes = write(body).getBytes(StandardCharsets.UTF_8).length;
    ObjectNode stored = ((ObjectNode) body).deepCopy();
    ArrayNode messages = (ArrayNode) stored.get("messages");
    if (messagesStored > 0) {
      stored.remove("system");
      stored.remove("tools");
      ArrayNode added = stored.arrayNode();
      for (int i = messagesStored; i < messages.size(); i++) {
        added.add(messages.get(i));
      }
      stored.set("messages", added);
      ObjectNode replaced = stored.objectNode();
      for (int i = 0; i < messagesStored; i++) {
        if (!withoutBreakpoints(messages.get(i)).equals(withoutBreakpoints(previous.get(i)))) {
          replaced.set(Integer.toString(i), messages.get(i));
        }
      }
      if (!replaced.isEmpty()) {
        // A summarised answer: the conversation as the model saw it stays rebuildable.
        stored.set("replaced", replaced);
      }
    }
    previous = messages;
    stored.put("messages_from", messagesStored);
    stored.put("request_bytes", bytes);
    messagesStored = messages.size();
    add("request", write(stored));
    return bytes;
  }

  /** Why the model is or is not asked in this run: the transcript's first entry. */
  void decision(ReviewDecision decision) {
    ObjectNode node = MessagesJson.JSON.createObjectNode();
    node.put("model_asked", decision.ask());
    node.put("review_when", decision.reviewWhen());
    node.put("review_every", decision.reviewEvery());
    node.put("planned_actions", decision.actions());
    if (decision.exceptions() >= 0) {
      node.put("exceptions", decision.exceptions());
    }
    if (decision.deferredTo() != null) {
      node.put("reviewed_by_run", decision.deferredTo());
      node.put("deferred_members", decision.deferred());
    }
    node.put("why", decision.why());
    add("decision", write(node));
  }

  void response(LlmResponse response) {
    add("response", write(MessagesJson.response(response)));
  }

  void error(String text) {
    ObjectNode node = MessagesJson.JSON.createObjectNode();
    node.put("error", text);
    add("error", write(node));
  }

  List<TranscriptEntry> entries() {
    return List.copyOf(entries);
  }

  private void add(String kind, String body) {
    entries.add(
        new TranscriptEntry(entries.size() + 1, kind, clock.instant(), redaction.apply(body)));
  }

  /** A message with its cache breakpoints taken out: moving a breakpoint changes no content. */
  private static JsonNode withoutBreakpoints(JsonNode message) {
    JsonNode copy = message.deepCopy();
    for (JsonNode block : copy.path("content")) {
      if (block instanceof ObjectNode object) {
        object.remove("cache_control");
      }
    }
    return copy;
  }

  private static String write(JsonNode node) {
    return MessagesJson.write(node);
  }
}
