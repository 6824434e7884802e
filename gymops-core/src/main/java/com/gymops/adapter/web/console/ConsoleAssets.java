package com.gymops.adapter.web.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's static files, served by GymOps itself: its stylesheet, its icon, and htmx from the
 * pinned webjar on the class path (no CDN, no Node build).
 */
final class ConsoleAssets {
  static final String PREFIX = ConsoleRoutes.ROOT + "/assets/";

  /** The webjar's version, pinned in the POM; the path inside the jar carries it. */
  static final String HTMX_VERSION = "2.0.8";

  private static final String HTMX =
      "/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";
  private static final String CSS = "/console/console.css";
  private static final String ICON = "/console/favicon.svg";

  /** Where the layout links the icon; browsers that ask for the site's own get it too. */
  static final String FAVICON = PREFIX + "favicon.svg";

  static final String SITE_FAVICON = "/favicon.ico";

  /**
   * The icon never changes under its name, so browsers keep it a year instead of asking on every
   * page (the stylesheet and htmx change with a release, so they are kept an hour).
   */
  static final String ICON_CACHE = "public, max-age=31536000, immutable";

  private ConsoleAssets() {}

  static void register(RoutesConfig routes) {
    byte[] htmx = read(HTMX);
    byte[] css = read(CSS);
    routes.get(PREFIX + "htmx.min.js", ctx -> serve(ctx, htmx, "text/javascript; charset=utf-8"));
    routes.get(PREFIX + "console.css", ctx -> serve(ctx, css, "text/css; charset=utf-8"));
    byte[] icon = read(ICON);
    for (String path : new String[] {FAVICON, SITE_FAVICON}) {
      routes.get(path, ctx -> icon(ctx, icon));
      routes.head(path, ctx -> icon(ctx, icon));
    }
  }

  private static void serve(Context ctx, byte[] body, String type) {
    ctx.header("Cache-Control", "public, max-age=3600").contentType(type).result(body);
  }

  private static void icon(Context ctx, byte[] body) {
    ctx.header("Cache-Control", ICON_CACHE)
        .header("X-Content-Type-Options", "nosniff")
        .contentType("image/svg+xml")
        .result(body);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the console's " + resource + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
