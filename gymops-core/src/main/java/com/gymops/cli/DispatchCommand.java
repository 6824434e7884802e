package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.messaging.DispatchResult;
import com.gymops.domain.Plural;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "dispatch",
    mixinStandardHelpOptions = true,
    description = {
      "Send every outbox message that is due, once: member messages inside their club's"
          + " sending window, manager messages at once.",
      "Without real providers configured, messages are written to messages.log in the data"
          + " directory."
    })
final class DispatchCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "The instant treated as now (default: now).")
  Instant at;

  @Option(names = "--json", description = "Print the counts as JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (GymOpsApp app = root.openApp(root.dataDir())) {
      DispatchResult result = app.dispatcher().dispatch(at != null ? at : app.clock().instant());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.printf(
            "{\"sent\": %d, \"deferred\": %d, \"failed\": %d, \"suppressed\": %d, \"retrying\": %d,"
                + " \"unknown\": %d, \"paused\": %d, \"logged\": %d}%n",
            result.sent(),
            result.deferred(),
            result.failed(),
            result.suppressed(),
            result.retrying(),
            result.unknown(),
            result.paused(),
            result.logged());
      } else {
        out.printf(
            "sent %d, deferred to the sending window %d, failed %d, suppressed %d, retrying later %d%n",
            result.sent(),
            result.deferred(),
            result.failed(),
            result.suppressed(),
            result.retrying());
      }
      if (result.logged() > 0 && !json) {
        out.printf(
            "%s written to %s instead: no SMS or email provider is configured, so nothing left"
                + " (docs/INTEGRATIONS.md)%n",
            Plural.of(result.logged(), "message", "messages"),
            root.dataDir().resolve(GymOpsApp.MESSAGE_LOG));
      }
      if (result.paused() > 0 && !json) {
        out.printf(
            "%s wait: the SMS provider refuses the sender (the manager was told what to fix)%n",
            Plural.of(result.paused(), "text", "texts"));
      }
      if (result.unknown() > 0 && !json) {
        out.printf(
            "%s left sending by a stopped dispatcher: outcome unknown, not resent; check the"
                + " provider's log%n",
            Plural.of(result.unknown(), "message was", "messages were"));
      }
      out.flush();
      return result.failed() == 0 && result.unknown() == 0 ? 0 : Cli.EXIT_FAILURE;
    }
  }
}
