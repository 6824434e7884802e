package com.gymops.adapter.web.console;

import com.gymops.application.accounts.Accounts;
import com.gymops.application.accounts.SignedIn;
import com.gymops.application.care.NotFoundException;
import com.gymops.application.care.NotPermittedException;
import com.gymops.application.console.ConsoleDenied;
import com.gymops.application.run.RunInProgressException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The gate in front of every console page: a live session or the login page, the CSRF token on
 * every state-changing request, the role for actions, and clear pages for refusals and bad input.
 */
final class ConsoleGuard {
  static final String SESSION_COOKIE = "gymops_session";

  /** A console handler that runs only for a signed-in user. */
  @FunctionalInterface
  interface SignedInHandler {
    void handle(Context ctx, SignedIn who) throws Exception;
  }

  private final Accounts accounts;
  private final ConsolePages pages;

  ConsoleGuard(Accounts accounts, ConsolePages pages) {
    this.accounts = accounts;
    this.pages = pages;
  }

  Optional<SignedIn> signedIn(Context ctx) {
    return accounts.signedIn(ctx.cookie(SESSION_COOKIE));
  }

  /** A page any signed-in user may read. */
  Handler reading(SignedInHandler handler) {
    return ctx -> {
      Optional<SignedIn> who = signedIn(ctx);
      if (who.isEmpty()) {
        toLogin(ctx);
        return;
      }
      guarded(ctx, who.get(), handler);
    };
  }

  /** A state-changing request: a live session, its CSRF token and a role that may act. */
  Handler acting(SignedInHandler handler) {
    return posting(
        (ctx, who) -> {
          if (!who.user().role().mayAct()) {
            refuse(ctx, who, 403, "Not allowed", "Staff accounts can read but not act.");
            return;
          }
          handler.handle(ctx, who);
        });
  }

  /** A state-changing request any signed-in user may make (logging out). */
  Handler posting(SignedInHandler handler) {
    return ctx -> {
      Optional<SignedIn> who = signedIn(ctx);
      if (who.isEmpty()) {
        toLogin(ctx);
        return;
      }
      if (!csrfMatches(ctx, who.get().session().csrfToken())) {
        refuse(
            ctx,
            who.get(),
            403,
            "Refused",
            "The form's security token is missing or out of date: reload the page and try again.");
        return;
      }
      guarded(ctx, who.get(), handler);
    };
  }

  private void guarded(Context ctx, SignedIn who, SignedInHandler handler) throws Exception {
    try {
      handler.handle(ctx, who);
    } catch (ConsoleDenied | NotPermittedException e) {
      refuse(ctx, who, 403, "Not allowed", e.getMessage());
    } catch (NotFoundException e) {
      refuse(ctx, who, 404, "Not found", e.getMessage());
    } catch (IllegalStateException e) {
      refuse(ctx, who, 409, "Not done", e.getMessage());
    } catch (RunInProgressException e) {
      refuse(ctx, who, 409, "Already running", e.getMessage());
    } catch (IllegalArgumentException e) {
      refuse(ctx, who, 400, "Bad request", e.getMessage());
    }
  }

  void refuse(Context ctx, SignedIn who, int status, String title, String message) {
    ctx.status(status)
        .html(pages.render("error", Map.of("frame", Frame.of(title, "", who), "message", message)));
  }

  /** htmx's polling gets a redirect it follows as a whole page, not a login form inside a card. */
  private static void toLogin(Context ctx) {
    if (ctx.header("HX-Request") != null) {
      ctx.header("HX-Redirect", ConsoleRoutes.LOGIN).status(401);
    } else {
      ctx.redirect(ConsoleRoutes.LOGIN);
    }
  }

  static boolean csrfMatches(Context ctx, String expected) {
    String sent = ctx.header(ConsoleRoutes.CSRF_HEADER);
    if (sent == null) {
      sent = ctx.formParam(ConsoleRoutes.CSRF_FIELD);
    }
    return sent != null
        && expected != null
        && !expected.isEmpty()
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
