package com.gymops.adapter.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.domain.Channel;
import com.gymops.domain.OutboundMessage;

/**
 * The JSON each chat expects from an incoming webhook, built from an outbox row (its subject is the
 * title, its body the text).
 *
 * <ul>
 *   <li>Slack: {@code {"text": ...}} in Slack's mrkdwn, where only {@code &}, {@code <} and {@code
 *       >} are escaped (Slack's "Sending messages using incoming webhooks" and "Formatting text for
 *       app surfaces").
 *   <li>Teams: a message with one Adaptive Card attachment, which both a Teams incoming webhook and
 *       a Workflows "When a Teams webhook request is received" flow accept (Microsoft Learn,
 *       "Create an Incoming Webhook", "Send Adaptive Cards using an Incoming Webhook").
 * </ul>
 */
final class ChatPayloads {
  static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatPayloads() {}

  static String of(Channel channel, OutboundMessage message) {
    return switch (channel) {
      case SLACK -> slack(message);
      case TEAMS -> teams(message);
      default -> throw new IllegalArgumentException(channel + " is not a chat channel");
    };
  }

  static String slack(OutboundMessage message) {
    ObjectNode root = JSON.createObjectNode();
    String title = message.subject() == null ? "" : "*" + escape(message.subject()) + "*\n";
    root.put("text", title + escape(message.body()));
    return root.toString();
  }

  static String teams(OutboundMessage message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "message");
    ArrayNode attachments = root.putArray("attachments");
    ObjectNode attachment = attachments.addObject();
    attachment.put("contentType", ADAPTIVE_CARD);
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.2");
    ArrayNode body = card.putArray("body");
    if (message.subject() != null) {
      ObjectNode title = body.addObject();
      title.put("type", "TextBlock");
      title.put("text", message.subject());
      title.put("weight", "Bolder");
      title.put("size", "Medium");
      title.put("wrap", true);
    }
    ObjectNode text = body.addObject();
    text.put("type", "TextBlock");
    text.put("text", message.body());
    text.put("wrap", true);
    return root.toString();
  }

  /** Slack reads {@code <...>} as a link or mention and {@code &} as an entity. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
