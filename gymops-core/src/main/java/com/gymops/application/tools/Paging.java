package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: no tool returns more than {@link #MAX_LIMIT} items at once, so a club of any
 * size costs the model the same per call; {@code total} and {@code next_offset} say what is left.
 */
record Paging(int offset, int limit) {
  static final int MAX_LIMIT = 200;

  static Paging of(JsonNode input) {
    int offset = input.hasNonNull("offset") ? input.get("offset").asInt() : 0;
    int limit = input.hasNonNull("limit") ? input.get("limit").asInt() : MAX_LIMIT;
    return new Paging(Math.max(0, offset), Math.min(MAX_LIMIT, Math.max(1, limit)));
  }

  <T> ObjectNode page(List<T> items, String field, Function<T, ObjectNode> view) {
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    int from = Math.min(offset, items.size());
    int to = Math.min(items.size(), from + limit);
    page.put("total", items.size());
    page.put("offset", offset);
    page.put("returned", to - from);
    if (to < items.size()) {
      page.put("next_offset", to);
    } else {
      page.putNull("next_offset");
    }
    ArrayNode list = page.putArray(field);
    for (T item : items.subList(from, to)) {
      list.add(view.apply(item));
    }
    return page;
  }
}
