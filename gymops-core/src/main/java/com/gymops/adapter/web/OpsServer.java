package com.gymops.adapter.web;

import com.gymops.adapter.web.console.ConsoleRoutes;
import com.gymops.adapter.web.console.ConsoleServices;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.BadMessageException;

/**
 * The HTTP side of {@code gymops serve}: {@code /health} (the process answers), {@code /ready} (it
 * can do its work: 200, else 503 with the reasons) and {@code /metrics} in the Prometheus text
 * format; with {@link Webhooks}, also Twilio's inbound and status webhooks, the payment webhook and
 * the door-state export; with {@link ConsoleServices}, the manager console. Explicit Javalin
 * configuration, no plugins.
 */
public final class OpsServer implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin javalin;

  private OpsServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * Starts listening.
   *
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @param metrics the current metrics in the Prometheus text format
   */
  public static OpsServer start(int port, Readiness readiness, Supplier<String> metrics) {
    return start(port, readiness, metrics, null);
  }

  /**
   * Starts listening, with the webhooks when {@code webhooks} is not null.
   *
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @param metrics the current metrics in the Prometheus text format
   */
  public static OpsServer start(
      int port, Readiness readiness, Supplier<String> metrics, Webhooks webhooks) {
    return start(port, readiness, metrics, webhooks, null);
  }

  /**
   * Starts listening, with the webhooks and the JSON API under {@code /api/v1} where given.
   *
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @param metrics the current metrics in the Prometheus text format
   */
  public static OpsServer start(
      int port, Readiness readiness, Supplier<String> metrics, Webhooks webhooks, ApiV1 api) {
    return start(port, readiness, metrics, webhooks, api, null);
  }

  /**
   * Starts listening, with the webhooks, the JSON API under {@code /api/v1} and the manager console
   * under {@code /console} where given.
   *
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @param metrics the current metrics in the Prometheus text format
   */
  public static OpsServer start(
      int port,
      Readiness readiness,
      Supplier<String> metrics,
      Webhooks webhooks,
      ApiV1 api,
      ConsoleServices console) {
    return start(port, readiness, metrics, webhooks, api, console, Map.of());
  }

  /**
   * As above, with servlets mounted beside Javalin at their exact paths (the MCP server's
   * Streamable HTTP transport at {@code /mcp}), asynchronous as streaming answers need. Javalin's
   * filters do not run for them: each checks its own credentials.
   */
  public static OpsServer start(
      int port,
      Readiness readiness,
      Supplier<String> metrics,
      Webhooks webhooks,
      ApiV1 api,
      ConsoleServices console,
      Map<String, Servlet> servlets) {
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.port = port;
              config.jetty.modifyServletContextHandler(
                  handler ->
                      servlets.forEach(
                          (path, servlet) -> {
                            ServletHolder holder = new ServletHolder(servlet);
                            holder.setAsyncSupported(true);
                            handler.addServlet(holder, path);
                          }));
              // No answer of GymOps is to be read as anything but its declared type.
              config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
              config.routes.exception(ServletException.class, OpsServer::malformed);
              config.routes.get("/health", ctx -> ctx.result("ok\n"));
              config.routes.get(
                  "/ready",
                  ctx -> {
                    List<String> problems = readiness.problems();
                    if (problems.isEmpty()) {
                      ctx.result("ready\n");
                    } else {
                      ctx.status(503).result("not ready: " + String.join("; ", problems) + "\n");
                    }
                  });
              config.routes.get(
                  "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.get()));
              if (webhooks != null) {
                TwilioWebhooks twilio = new TwilioWebhooks(webhooks);
                config.routes.post(Webhooks.TWILIO_INBOUND, twilio::inbound);
                config.routes.post(Webhooks.TWILIO_STATUS, twilio::status);
                config.routes.post(Webhooks.PAYMENTS, new PaymentWebhook(webhooks)::receive);
                if (webhooks.providers() != null) {
                  config.routes.post(
                      ProviderHooks.STRIPE, new StripeWebhook(webhooks.providers())::receive);
                  config.routes.post(
                      ProviderHooks.SQUARE, new SquareWebhook(webhooks.providers())::receive);
                }
                config.routes.get(Webhooks.DOOR_EXPORT, new DoorExportEndpoint(webhooks)::export);
              }
              if (api != null) {
                new JsonApi(api).register(config.routes);
              }
              if (console != null) {
                ConsoleRoutes.register(config.routes, console);
              }
            });
    javalin.start();
    return new OpsServer(javalin);
  }

  /**
   * A body the server cannot parse (a broken multipart form) is the client's fault: its 4xx, not a
   * 500 that reads as a GymOps bug. Any other servlet failure stays a 500.
   */
  private static void malformed(ServletException e, Context ctx) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadMessageException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
        ctx.status(bad.getCode()).result("bad request: the body cannot be read\n");
        return;
      }
    }
    ctx.status(500).result("Server Error\n");
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
