package com.gymops.adapter.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Stores {@link ClubWorkflow} as small JSON instead of Java serialization, so that a row stays
 * readable by a person and by the next version of the class.
 */
public final class ClubWorkflowSerializer implements Serializer {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public byte[] serialize(Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof ClubWorkflow workflow)) {
      throw new IllegalArgumentException("cannot store task data " + data.getClass());
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("workflow", workflow.workflow().id());
    node.put("club", workflow.club().value());
    node.put("schedule", workflow.schedule());
    node.put("zone", workflow.zone().getId());
    if (workflow.anchor() != null) {
      node.put("anchor", workflow.anchor().toString());
    }
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> T deserialize(Class<T> type, byte[] serialized) {
    if (serialized == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(serialized);
      JsonNode anchor = node.get("anchor");
      return type.cast(
          new ClubWorkflow(
              WorkflowId.fromId(node.get("workflow").asText()),
              new ClubId(node.get("club").asText()),
              node.get("schedule").asText(),
              ZoneId.of(node.get("zone").asText()),
              anchor == null ? null : LocalDate.parse(anchor.asText())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
