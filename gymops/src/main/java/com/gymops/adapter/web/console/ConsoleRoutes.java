package com.gymops.adapter.web.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

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

  private ConsoleRoutes() {}

  public static void register(RoutesConfig routes, ConsoleServices services) {
    ConsolePages pages = new ConsolePages();
    ConsoleGuard guard = new ConsoleGuard(services.accounts(), pages);
    LoginHandlers login = new LoginHandlers(services, pages, guard);
    ReadHandlers read = new ReadHandlers(services, pages);
    ActionHandlers act = new ActionHandlers(services, pages);
    routes.before(ROOT, ConsoleRoutes::securityHeaders);
    routes.before(ROOT + "/*", ConsoleRoutes::securityHeaders);
    ConsoleAssets.register(routes);
    routes.get(LOGIN, login::form);
    routes.post(LOGIN, login::submit);
    routes.post(ROOT + "/logout", guard.posting(login::logout));
    routes.get(ROOT, guard.reading(read::today));
    routes.get(ROOT + "/today/cards", guard.reading(read::todayCards));
    routes.get(ROOT + "/runs", guard.reading(read::runs));
    routes.get(ROOT + "/runs/{id}", guard.reading(read::run));
    routes.get(ROOT + "/members", guard.reading(read::members));
    routes.get(ROOT + "/members/{id}", guard.reading(read::member));
    routes.get(ROOT + "/outbox", guard.reading(read::outbox));
    routes.get(ROOT + "/settings", guard.reading(read::settings));
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
    routes.get(ROOT + "/audit", guard.reading(read::audit));
    routes.get(ROOT + "/approvals", guard.reading(read::approvals));
    routes.post(ROOT + "/approvals/selected", guard.acting(act::decideSelected));
    routes.post(ROOT + "/approvals/{id}/approve", guard.acting(act::approve));
    routes.post(ROOT + "/approvals/{id}/deny", guard.acting(act::deny));
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    if (!ctx.path().startsWith(ConsoleAssets.PREFIX)) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
