package com.gymops.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.DoorStateExport;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /api/door-access/export?after=<cursor>&limit=<n>} with {@code Authorization: Bearer
 * $GYMOPS_DOOR_EXPORT_TOKEN}: one page of every member's door state for door systems that poll.
 * {@code next} is the cursor of the following page, null on the last. 401 without the token or with
 * a wrong one (and always when no token is configured).
 */
final class DoorExportEndpoint {
  static final int DEFAULT_LIMIT = 1_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BEARER = "Bearer ";

  private final DoorStateExport export;
  private final Optional<String> token;

  DoorExportEndpoint(Webhooks webhooks) {
    this.export = webhooks.doors();
    this.token = webhooks.secrets().doorExport();
  }

  void export(Context ctx) {
    if (!authorized(ctx.header("Authorization"))) {
      ctx.status(401).header("WWW-Authenticate", "Bearer").result("unauthorized\n");
      return;
    }
    int limit;
    try {
      String asked = ctx.queryParam("limit");
      limit = asked == null ? DEFAULT_LIMIT : Integer.parseInt(asked);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > DoorStateExport.MAX_PAGE) {
      ctx.status(400).result("limit must be 1 to " + DoorStateExport.MAX_PAGE + "\n");
      return;
    }
    String after = ctx.queryParam("after");
    DoorStateExport.Page page = export.page(after == null || after.isBlank() ? null : after, limit);
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode members = body.putArray("members");
    for (DoorStateExport.Entry entry : page.members()) {
      members
          .addObject()
          .put("member_id", entry.memberId())
          .put("club_id", entry.clubId())
          .put("door", entry.door())
          .put("lock_reason", entry.lockReason());
    }
    body.put("next", page.next());
    ctx.contentType(PaymentWebhook.JSON).result(body.toString());
  }

  /** Constant-time, so the token cannot be guessed a character at a time from response times. */
  private boolean authorized(String header) {
    if (token.isEmpty() || header == null || !header.startsWith(BEARER)) {
      return false;
    }
    return MessageDigest.isEqual(
        token.get().getBytes(StandardCharsets.UTF_8),
        header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
  }
}
