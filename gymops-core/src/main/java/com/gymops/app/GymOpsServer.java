package com.gymops.app;

import com.gymops.adapter.mcp.McpHttpEndpoint;
import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.adapter.schedule.ClubSyncTick;
import com.gymops.adapter.schedule.ClubWorkflow;
import com.gymops.adapter.schedule.DispatchTick;
import com.gymops.adapter.schedule.GymOpsTasks;
import com.gymops.adapter.schedule.RunMetrics;
import com.gymops.adapter.schedule.ScheduleReconciler;
import com.gymops.adapter.schedule.WorkflowFire;
import com.gymops.adapter.schedule.WorkflowScheduler;
import com.gymops.adapter.web.OpsServer;
import com.gymops.application.run.RunMode;
import com.gymops.config.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code gymops serve}: the scheduler running the configured workflows and the dispatcher, and the
 * HTTP endpoints beside it. Stopping stops the scheduler first, which waits for running workflows,
 * then the HTTP server, so probes answer until the work is done.
 */
public final class GymOpsServer implements AutoCloseable {
  private final WorkflowScheduler scheduler;
  private final OpsServer web;
  private final ScheduleReconciler.Changes changes;
  private final String node;

  private GymOpsServer(
      WorkflowScheduler scheduler, OpsServer web, ScheduleReconciler.Changes changes, String node) {
    this.scheduler = scheduler;
    this.web = web;
    this.changes = changes;
    this.node = node;
  }

  /**
   * Starts the scheduler and the HTTP server.
   *
   * @param port the HTTP port, or null for the configured one
   */
  public static GymOpsServer start(GymOpsApp app, Integer port) {
    ServerSettings settings = app.config().server();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RunMetrics metrics = new RunMetrics(registry);
    String node = nodeName();
    Database database = app.database();
    GymOpsTasks tasks =
        new GymOpsTasks(
            new WorkflowFire(
                app.runner(),
                Persistence.fireLog(database),
                metrics,
                node,
                app.clock(),
                RunMode.valueOf(app.config().agent().mode().toUpperCase(Locale.ROOT)),
                app.stores().paused()),
            new DispatchTick(
                app.dispatcher(),
                metrics,
                app.clock(),
                () -> {
                  app.approvals().settle();
                  // Queued before the drain, the day's summary leaves in the same tick.
                  app.summaries().sendDue();
                  app.retention().purgeIfDue();
                }),
            new ClubSyncTick(
                app.clubSync(),
                app.webhooks().payments(),
                app.config().clubs().stream().map(club -> club.club().id()).toList()));
    WorkflowScheduler scheduler =
        WorkflowScheduler.create(
            database.dataSource(), database.isEmbedded(), settings, tasks, node, app.clock());
    ScheduleReconciler.Changes changes = scheduler.start(ClubWorkflow.enabledIn(app.config()));
    try {
      OpsServer web =
          OpsServer.start(
              port != null ? port : settings.port(),
              () -> {
                List<String> problems = new ArrayList<>();
                if (!database.isReady()) {
                  problems.add("database unreachable or not migrated");
                }
                if (!scheduler.isRunning()) {
                  problems.add("scheduler not running");
                }
                return problems;
              },
              registry::scrape,
              app.webhooks(),
              app.api(),
              app.console(),
              Map.of(
                  McpHttpEndpoint.PATH,
                  McpHttpEndpoint.create(app.apiAccess(), app.askTools(), GymOpsApp.version())));
      return new GymOpsServer(scheduler, web, changes, node);
    } catch (RuntimeException e) {
      scheduler.stop();
      throw e;
    }
  }

  /** Host and process id: several nodes may share a host, and each must be told apart. */
  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid();
  }

  public int port() {
    return web.port();
  }

  public String node() {
    return node;
  }

  /** What startup changed in the stored schedule. */
  public ScheduleReconciler.Changes changes() {
    return changes;
  }

  @Override
  public void close() {
    scheduler.stop();
    web.stop();
  }
}
