package com.gymops.adapter.web.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The manager console under {@code /console}: server-rendered pages, htmx served from its webjar,
 * and the security headers every answer carries. Handlers only translate HTTP into calls on {@link
 * ConsoleServices}; no SQL and no rule lives here.
 */
public final class ConsoleRoutes {
  public static final String ROOT = "/console";
  static final String LOGIN = ROOT + "/login";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** No inline script or style may run: only GymOps' own files. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Browsers reached over https keep to https for a year (docs/SECURITY.md). */
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

  private ConsoleRoutes() {}

  public static void register(RoutesConfig routes, ConsoleServices services) {
    ConsolePages pages = new ConsolePages();
    ConsoleGuard guard = new ConsoleGuard(services.accounts(), pages);
    LoginHandlers login = new LoginHandlers(services, pages, guard);
    ReadHandlers read = new ReadHandlers(services, pages);
    ActionHandlers act = new ActionHandlers(services, pages);
    Handler headers = ctx -> securityHeaders(ctx, services.secureCookies());
    routes.before(ROOT, headers);
    routes.before(ROOT + "/*", headers);
    ConsoleAssets.register(routes);
    // The site's root has nothing of its own: a person who types the bare address wants the
    // console (its home, or the login page when not signed in).
    routes.get("/", ctx -> ctx.redirect(ROOT));
    routes.head("/", ctx -> ctx.redirect(ROOT));
    routes.get(LOGIN, login::form);
    routes.post(LOGIN, login::submit);
    routes.post(ROOT + "/logout", guard.posting(login::logout));
    page(routes, ROOT, guard.reading(read::today));
    page(routes, ROOT + "/today/cards", guard.reading(read::todayCards));
    page(routes, ROOT + "/runs", guard.reading(read::runs));
    page(routes, ROOT + "/runs/{id}", guard.reading(read::run));
    page(routes, ROOT + "/members", guard.reading(read::members));
    page(routes, ROOT + "/members/{id}", guard.reading(read::member));
    page(routes, ROOT + "/outbox", guard.reading(read::outbox));
    page(routes, ROOT + "/settings", guard.reading(read::settings));
    routes.post(ROOT + "/outbox/{id}/cancel", guard.acting(act::cancelMessage));
    routes.post(ROOT + "/outbox/{id}/retry", guard.acting(act::retryMessage));
    routes.post(ROOT + "/clubs/{club}/workflows/{workflow}/preview", guard.acting(act::preview));
    routes.post(ROOT + "/clubs/{club}/workflows/{workflow}/run", guard.acting(act::run));
    routes.post(ROOT + "/clubs/{club}/workflows/{workflow}/pause", guard.acting(act::pause));
    routes.post(ROOT + "/clubs/{club}/workflows/{workflow}/resume", guard.acting(act::resume));
    String member = ROOT + "/members/{id}/";
    routes.post(member + "hold", guard.acting(act::hold));
    routes.post(member + "release", guard.acting(act::release));
    routes.post(member + "lock", guard.acting(act::lock));
    routes.post(member + "unlock", guard.acting(act::unlock));
    routes.post(member + "note", guard.acting(act::note));
    routes.post(member + "opt-out", guard.acting(act::optOut));
    routes.post(member + "opt-in", guard.acting(act::optIn));
    AskHandlers ask = new AskHandlers(services, pages);
    page(routes, ROOT + "/ask", guard.reading(ask::form));
    routes.post(ROOT + "/ask", guard.posting(ask::ask));
    page(routes, ROOT + "/audit", guard.reading(read::audit));
    page(routes, ROOT + "/approvals", guard.reading(read::approvals));
    page(routes, ROOT + "/approvals/{id}", guard.reading(read::approval));
    routes.post(ROOT + "/approvals/selected", guard.acting(act::decideSelected));
    routes.post(ROOT + "/approvals/{id}/approve", guard.acting(act::approve));
    routes.post(ROOT + "/approvals/{id}/deny", guard.acting(act::deny));
  }

  /**
   * A page for GET and for HEAD alike: left to itself, Javalin answers HEAD on a GET route with 200
   * without running its handler, so without the session check.
   */
  private static void page(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  private static void securityHeaders(Context ctx, boolean overHttps) {
    if (overHttps) {
      ctx.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    if (!ctx.path().startsWith(ConsoleAssets.PREFIX)) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
