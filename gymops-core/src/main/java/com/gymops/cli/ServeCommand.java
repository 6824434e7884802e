package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.app.GymOpsServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the workflows on their schedules in each club's time zone, deliver queued messages"
          + " every minute, and answer /health, /ready and /metrics over HTTP, the webhooks, and"
          + " the manager console at /console (accounts: 'gymops users').",
      "Several nodes on one PostgreSQL database share the schedule: each fire runs once.",
      "Stops cleanly on Ctrl-C or SIGTERM, after the running workflows finish."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default: server.port in the configuration, 8080).")
  Integer port;

  @Override
  public Integer call() throws InterruptedException {
    GymOpsApp app = root.openApp(root.dataDir());
    app.modelWarning()
        .ifPresent(warning -> spec.commandLine().getErr().println("warning: " + warning));
    GymOpsServer server;
    try {
      server = GymOpsServer.start(app, port);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM runs the hooks and then halts the JVM: the whole stop must happen inside the hook.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  app.close();
                  stopped.countDown();
                  // After a SIGTERM the JVM would exit 143; a clean stop is exit 0 to a service
                  // manager. Only a signal or Ctrl-C gets here: call() returns after this hook.
                  System.out.flush();
                  System.err.flush();
                  Runtime.getRuntime().halt(0);
                },
                "gymops-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "serving on port %d (/health, /ready, /metrics) as node %s; schedule: %d added, %d"
            + " rescheduled, %d removed. The console: http://localhost:%d/console. Stop with"
            + " Ctrl-C or SIGTERM.%n",
        server.port(),
        server.node(),
        server.changes().added().size(),
        server.changes().rescheduled().size(),
        server.changes().removed().size(),
        server.port());
    out.flush();
    stopped.await();
    return 0;
  }
}
