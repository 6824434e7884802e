package com.gymops.adapter.web.console;

import com.gymops.application.accounts.SignedIn;
import com.gymops.application.console.ApprovalsQuery;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The console's actions; each is one call on the engine, then a redirect to what it did. */
final class ActionHandlers {
  private final ConsoleServices services;
  private final ConsolePages pages;

  ActionHandlers(ConsoleServices services, ConsolePages pages) {
    this.services = services;
    this.pages = pages;
  }

  /** Run now, step one: a dry run, shown with a button to run it for real. */
  void preview(Context ctx, SignedIn who) {
    String runId =
        services
            .runNow()
            .preview(
                who.user(),
                new ClubId(ctx.pathParam("club")),
                WorkflowId.fromId(ctx.pathParam("workflow")));
    ctx.redirect(ConsoleUrls.run(runId) + "?confirm=1", HttpStatus.SEE_OTHER);
  }

  void run(Context ctx, SignedIn who) {
    String runId =
        services
            .runNow()
            .run(
                who.user(),
                new ClubId(ctx.pathParam("club")),
                WorkflowId.fromId(ctx.pathParam("workflow")));
    ctx.redirect(ConsoleUrls.run(runId), HttpStatus.SEE_OTHER);
  }

  void approve(Context ctx, SignedIn who) {
    services.approvals().approve(who.user(), ctx.pathParam("id"));
    ctx.redirect(ConsoleUrls.decided(ctx.pathParam("id")), HttpStatus.SEE_OTHER);
  }

  void deny(Context ctx, SignedIn who) {
    services.approvals().deny(who.user(), ctx.pathParam("id"), ctx.formParam("reason"));
    ctx.redirect(ConsoleUrls.decided(ctx.pathParam("id")), HttpStatus.SEE_OTHER);
  }

  /**
   * Several selected approvals, approved or denied with one button; the page says how each went.
   */
  void decideSelected(Context ctx, SignedIn who) {
    String decision = ctx.formParam("decision");
    if (!"approve".equals(decision) && !"deny".equals(decision)) {
      throw new IllegalArgumentException("the form's 'decision' must be approve or deny");
    }
    List<ApprovalsQuery.Outcome> outcomes =
        services
            .approvals()
            .decideAll(
                who.user(),
                ctx.formParams("id"),
                decision.equals("approve"),
                ctx.formParam("reason"));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of("Approvals", "approvals", who));
    params.put("approvals", services.approvals().inbox(who.user()));
    params.put("outcomes", outcomes);
    ctx.html(pages.render("approvals", params));
  }

  void cancelMessage(Context ctx, SignedIn who) {
    services.actions().cancelMessage(who.user(), messageId(ctx));
    toOutbox(ctx);
  }

  void retryMessage(Context ctx, SignedIn who) {
    services.actions().retryMessage(who.user(), messageId(ctx));
    toOutbox(ctx);
  }

  private static long messageId(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + id + "' is not a message number", e);
    }
  }

  /** Back to the view the form was on. */
  private static void toOutbox(Context ctx) {
    String view = ctx.formParam("view");
    boolean known = view != null && view.matches("[a-z]{1,20}");
    ctx.redirect(
        ConsoleRoutes.ROOT + "/outbox" + (known ? "?view=" + view : ""), HttpStatus.SEE_OTHER);
  }

  void pause(Context ctx, SignedIn who) {
    services.actions().pause(who.user(), workflow(ctx), new ClubId(ctx.pathParam("club")));
    ctx.redirect(ConsoleRoutes.ROOT, HttpStatus.SEE_OTHER);
  }

  void resume(Context ctx, SignedIn who) {
    services.actions().resume(who.user(), workflow(ctx), new ClubId(ctx.pathParam("club")));
    ctx.redirect(ConsoleRoutes.ROOT, HttpStatus.SEE_OTHER);
  }

  void hold(Context ctx, SignedIn who) {
    services.actions().hold(who.user(), member(ctx), date(ctx, "until"), ctx.formParam("reason"));
    toMember(ctx);
  }

  void release(Context ctx, SignedIn who) {
    services.actions().release(who.user(), member(ctx));
    toMember(ctx);
  }

  void lock(Context ctx, SignedIn who) {
    services.actions().lock(who.user(), member(ctx), required(ctx, "reason"));
    toMember(ctx);
  }

  void unlock(Context ctx, SignedIn who) {
    services.actions().unlock(who.user(), member(ctx), required(ctx, "reason"));
    toMember(ctx);
  }

  void note(Context ctx, SignedIn who) {
    services.actions().note(who.user(), member(ctx), required(ctx, "text"));
    toMember(ctx);
  }

  void optOut(Context ctx, SignedIn who) {
    services.actions().setOptedOut(who.user(), member(ctx), true);
    toMember(ctx);
  }

  void optIn(Context ctx, SignedIn who) {
    services.actions().setOptedOut(who.user(), member(ctx), false);
    toMember(ctx);
  }

  private static WorkflowId workflow(Context ctx) {
    return WorkflowId.fromId(ctx.pathParam("workflow"));
  }

  private static MemberId member(Context ctx) {
    return new MemberId(ctx.pathParam("id"));
  }

  private static void toMember(Context ctx) {
    ctx.redirect(ConsoleUrls.member(ctx.pathParam("id")), HttpStatus.SEE_OTHER);
  }

  private static String required(Context ctx, String field) {
    String value = ctx.formParam(field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the form's '" + field + "' is empty");
    }
    return value.strip();
  }

  private static LocalDate date(Context ctx, String field) {
    String value = required(ctx, field);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the form's '" + field + "': '" + value + "' is not a date (YYYY-MM-DD)", e);
    }
  }
}
