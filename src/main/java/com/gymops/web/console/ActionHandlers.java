package com.gymops.web.console;

import com.gymops.accounts.SignedIn;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The console's actions; each is one call on the engine, then a redirect to what it did. */
final class ActionHandlers {
  private final ConsoleServices services;

  ActionHandlers(ConsoleServices services) {
    this.services = services;
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
    ctx.redirect(ConsoleRoutes.ROOT + "/runs/" + runId + "?confirm=1", HttpStatus.SEE_OTHER);
  }

  void run(Context ctx, SignedIn who) {
    String runId =
        services
            .runNow()
            .run(
                who.user(),
                new ClubId(ctx.pathParam("club")),
                WorkflowId.fromId(ctx.pathParam("workflow")));
    ctx.redirect(ConsoleRoutes.ROOT + "/runs/" + runId, HttpStatus.SEE_OTHER);
  }
}
