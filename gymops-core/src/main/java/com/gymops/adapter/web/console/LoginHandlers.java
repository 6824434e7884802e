package com.gymops.adapter.web.console;

import com.gymops.application.accounts.LoginResult;
import com.gymops.application.accounts.SignedIn;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Logging in and out. The login form is protected by a double-submit token (a cookie and the same
 * value in the form), as no session exists yet to hold one.
 */
final class LoginHandlers {
  static final String LOGIN_COOKIE = "gymops_login";

  private final ConsoleServices services;
  private final ConsolePages pages;
  private final ConsoleGuard guard;
  private final SecureRandom random = new SecureRandom();

  LoginHandlers(ConsoleServices services, ConsolePages pages, ConsoleGuard guard) {
    this.services = services;
    this.pages = pages;
    this.guard = guard;
  }

  void form(Context ctx) {
    if (guard.signedIn(ctx).isPresent()) {
      ctx.redirect(ConsoleRoutes.ROOT);
      return;
    }
    render(ctx, 200, null, "");
  }

  void submit(Context ctx) {
    String email = ctx.formParam("email");
    String password = ctx.formParam("password");
    if (!ConsoleGuard.csrfMatches(ctx, ctx.cookie(LOGIN_COOKIE))) {
      render(ctx, 403, "The login form was out of date: please try again.", email);
      return;
    }
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      render(ctx, 400, "Enter your email and password.", email);
      return;
    }
    LoginResult result = services.accounts().login(email, password.toCharArray(), ctx.ip());
    if (result instanceof LoginResult.LoggedIn in) {
      cookie(ctx, ConsoleGuard.SESSION_COOKIE, in.token(), -1);
      cookie(ctx, LOGIN_COOKIE, "", 0);
      ctx.redirect(ConsoleRoutes.ROOT);
    } else if (result instanceof LoginResult.Refused refused) {
      render(ctx, refused.throttled() ? 429 : 401, refused.reason(), email);
    }
  }

  void logout(Context ctx, SignedIn who) {
    services.accounts().logout(who);
    cookie(ctx, ConsoleGuard.SESSION_COOKIE, "", 0);
    ctx.redirect(ConsoleRoutes.LOGIN);
  }

  private void render(Context ctx, int status, String error, String email) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    cookie(ctx, LOGIN_COOKIE, token, -1);
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.anonymous("Log in", token));
    params.put("error", error);
    params.put("email", email == null ? "" : email);
    ctx.status(status).html(pages.render("login", params));
  }

  /**
   * Sets a cookie only the console's pages receive, never readable by a script.
   *
   * @param maxAge seconds; -1 for a browser-session cookie, 0 to delete it
   */
  private void cookie(Context ctx, String name, String value, int maxAge) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path="
                + ConsoleRoutes.ROOT
                + "; HttpOnly; SameSite=Lax"
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "")
                + (services.secureCookies() ? "; Secure" : ""));
  }
}
