package com.gymops.adapter.web.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's static files, served by GymOps itself: its stylesheet, and htmx from the pinned
 * webjar on the class path (no CDN, no Node build).
 */
final class ConsoleAssets {
  static final String PREFIX = ConsoleRoutes.ROOT + "/assets/";

  /** The webjar's version, pinned in the POM; the path inside the jar carries it. */
  static final String HTMX_VERSION = "2.0.8";

  private static final String HTMX =
      "/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";
  private static final String CSS = "/console/console.css";

  private ConsoleAssets() {}

  static void register(RoutesConfig routes) {
    byte[] htmx = read(HTMX);
    byte[] css = read(CSS);
    routes.get(PREFIX + "htmx.min.js", ctx -> serve(ctx, htmx, "text/javascript; charset=utf-8"));
    routes.get(PREFIX + "console.css", ctx -> serve(ctx, css, "text/css; charset=utf-8"));
  }

  private static void serve(Context ctx, byte[] body, String type) {
    ctx.header("Cache-Control", "public, max-age=3600").contentType(type).result(body);
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
