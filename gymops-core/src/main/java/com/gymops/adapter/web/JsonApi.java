package com.gymops.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.care.Actor;
import com.gymops.application.care.ApprovalJson;
import com.gymops.application.care.Approvals;
import com.gymops.application.care.ManualActions.DoorResult;
import com.gymops.application.care.MemberProfiles;
import com.gymops.application.care.NotFoundException;
import com.gymops.application.care.NotPermittedException;
import com.gymops.application.importing.MemberValidator;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowPause;
import com.gymops.domain.WorkflowRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON API under {@code /api/v1}: thin handlers from HTTP to the engines. Every request needs
 * {@code Authorization: Bearer SECRET} of a token from {@code gymops tokens create} (401 without a
 * valid one); a token limited to one club gets 403 for another club's member or workflow, and
 * nothing changes. Writes are audited under the token's name. Errors are {@code {"error": ...}}
 * with 400 (bad input), 404 (unknown), 409 (not possible in the current state).
 */
final class JsonApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiV1 api;

  JsonApi(ApiV1 api) {
    this.api = api;
  }

  /** What a handler does once the request is authenticated. */
  @FunctionalInterface
  private interface Authed {
    Object handle(Context ctx, Actor actor) throws Exception;
  }

  void register(RoutesConfig routes) {
    String root = ApiV1.ROOT;
    routes.get(root + "/members/{id}", authed((ctx, actor) -> profile(ctx, actor)));
    routes.post(
        root + "/members/{id}/lock",
        authed((ctx, actor) -> door(api.manual().lock(actor, member(ctx), text(ctx, "reason")))));
    routes.post(
        root + "/members/{id}/unlock",
        authed((ctx, actor) -> door(api.manual().unlock(actor, member(ctx), text(ctx, "reason")))));
    routes.post(
        root + "/members/{id}/notes",
        authed(
            (ctx, actor) -> {
              api.manual().note(actor, member(ctx), text(ctx, "text"));
              return ok();
            }));
    routes.post(
        root + "/members/{id}/opt-out",
        authed((ctx, actor) -> changed(api.manual().setOptedOut(actor, member(ctx), true))));
    routes.post(
        root + "/members/{id}/opt-in",
        authed((ctx, actor) -> changed(api.manual().setOptedOut(actor, member(ctx), false))));
    routes.post(root + "/members/{id}/hold", authed(this::hold));
    routes.post(
        root + "/members/{id}/release",
        authed(
            (ctx, actor) -> {
              api.holds().release(actor, member(ctx));
              return ok();
            }));
    routes.get(
        root + "/approvals",
        authed(
            (ctx, actor) ->
                ApprovalJson.list(
                    api.approvals().list(actor, null, !"all".equals(ctx.queryParam("status"))))));
    routes.get(
        root + "/approvals/{id}",
        authed((ctx, actor) -> ApprovalJson.of(api.approvals().find(actor, ctx.pathParam("id")))));
    routes.post(
        root + "/approvals/{id}/approve",
        authed(
            (ctx, actor) -> {
              Approvals.Decision decision = api.approvals().approve(actor, ctx.pathParam("id"));
              return ApprovalJson.of(decision.approval()).put("note", decision.note());
            }));
    routes.post(
        root + "/approvals/{id}/deny",
        authed(
            (ctx, actor) ->
                ApprovalJson.of(
                    api.approvals()
                        .deny(actor, ctx.pathParam("id"), optionalText(ctx, "reason"))
                        .approval())));
    routes.get(root + "/runs", authed(this::runs));
    routes.get(root + "/workflows", authed((ctx, actor) -> paused(actor)));
    routes.post(
        root + "/workflows/{workflow}/pause",
        authed(
            (ctx, actor) -> changed(api.pauses().pause(actor, workflow(ctx), club(ctx, actor)))));
    routes.post(
        root + "/workflows/{workflow}/resume",
        authed(
            (ctx, actor) -> changed(api.pauses().resume(actor, workflow(ctx), club(ctx, actor)))));
  }

  private io.javalin.http.Handler authed(Authed handler) {
    return ctx -> {
      String header = ctx.header("Authorization");
      Optional<Actor> actor =
          header != null && header.startsWith("Bearer ")
              ? api.access().authenticate(header.substring("Bearer ".length()).strip())
              : Optional.empty();
      if (actor.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer");
        error(ctx, 401, "a valid bearer token is required (gymops tokens create)");
        return;
      }
      try {
        Object body = handler.handle(ctx, actor.get());
        ctx.contentType("application/json").result(JSON.writeValueAsString(body));
      } catch (NotPermittedException e) {
        error(ctx, 403, e.getMessage());
      } catch (NotFoundException e) {
        error(ctx, 404, e.getMessage());
      } catch (BadRequest | IllegalArgumentException e) {
        error(ctx, 400, e.getMessage());
      } catch (IllegalStateException e) {
        error(ctx, 409, e.getMessage());
      }
    };
  }

  private Object profile(Context ctx, Actor actor) {
    return MemberProfiles.json(api.profiles().show(actor, member(ctx)));
  }

  private Object hold(Context ctx, Actor actor) {
    String until = text(ctx, "until");
    LocalDate date;
    try {
      date = LocalDate.parse(until);
    } catch (DateTimeParseException e) {
      throw new BadRequest("until '" + until + "' is not a date (YYYY-MM-DD)");
    }
    CollectionHold hold = api.holds().hold(actor, member(ctx), date, text(ctx, "reason"));
    return JSON.createObjectNode()
        .put("member_id", hold.memberId().value())
        .put("until", hold.until().toString())
        .put("reason", hold.reason());
  }

  private Object runs(Context ctx, Actor actor) {
    int limit = 20;
    String given = ctx.queryParam("limit");
    if (given != null) {
      try {
        limit = Integer.parseInt(given);
      } catch (NumberFormatException e) {
        throw new BadRequest("limit '" + given + "' is not a number");
      }
      if (limit < 1 || limit > 1000) {
        throw new BadRequest("limit must be 1 to 1000");
      }
    }
    ArrayNode array = JSON.createArrayNode();
    for (WorkflowRun run : api.runs().latest(limit)) {
      if (actor.club() != null && !actor.club().equals(run.clubId())) {
        continue;
      }
      array
          .addObject()
          .put("run_id", run.runId())
          .put("workflow", run.workflow().id())
          .put("club_id", run.clubId().value())
          .put("mode", run.mode())
          .put("status", run.status().name().toLowerCase(Locale.ROOT))
          .put("at", run.clockAt().toString())
          .put("error", run.error());
    }
    return array;
  }

  private Object paused(Actor actor) {
    ArrayNode array = JSON.createArrayNode();
    for (WorkflowPause pause : api.pauses().all()) {
      if (actor.club() != null && pause.club() != null && !actor.club().equals(pause.club())) {
        continue;
      }
      array
          .addObject()
          .put("workflow", pause.workflow().id())
          .put("club_id", pause.club() == null ? null : pause.club().value())
          .put("paused_by", pause.by())
          .put("paused_at", pause.at().toString());
    }
    return array;
  }

  private static ObjectNode door(DoorResult result) {
    return JSON.createObjectNode()
        .put("run_id", result.runId())
        .put("outcome", result.outcome().code());
  }

  private static ObjectNode ok() {
    return JSON.createObjectNode().put("ok", true);
  }

  private static ObjectNode changed(boolean changed) {
    return JSON.createObjectNode().put("changed", changed);
  }

  private static MemberId member(Context ctx) {
    String id = ctx.pathParam("id");
    MemberValidator.idProblem(id)
        .ifPresent(
            problem -> {
              throw new BadRequest(problem);
            });
    return new MemberId(id);
  }

  private static WorkflowId workflow(Context ctx) {
    try {
      return WorkflowId.fromId(ctx.pathParam("workflow"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(e.getMessage());
    }
  }

  /** The body's {@code club_id}, else the token's own club, else every club (null). */
  private static ClubId club(Context ctx, Actor actor) {
    JsonNode body = body(ctx);
    JsonNode club = body.get("club_id");
    if (club == null || club.isNull()) {
      return actor.club();
    }
    try {
      return new ClubId(club.asText());
    } catch (IllegalArgumentException e) {
      throw new BadRequest("club_id: " + e.getMessage());
    }
  }

  private static String text(Context ctx, String field) {
    JsonNode value = body(ctx).get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new BadRequest("the JSON body needs a text field '" + field + "'");
    }
    return value.asText();
  }

  private static String optionalText(Context ctx, String field) {
    JsonNode value = body(ctx).get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode body(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (!node.isObject()) {
        throw new BadRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status)
        .contentType("application/json")
        .result(JSON.createObjectNode().put("error", message).toString());
  }

  /** A request the API cannot read: 400 with the reason. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
