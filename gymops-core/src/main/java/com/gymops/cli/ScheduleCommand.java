package com.gymops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.gymops.adapter.schedule.ClubWorkflow;
import com.gymops.adapter.schedule.UpcomingFires;
import com.gymops.app.GymOpsApp;
import com.gymops.config.GymOpsConfig;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Show the next fires of each enabled workflow in each club, as `serve` will run them.",
      "Times are computed by the scheduler's own schedules, in each club's time zone; a fire of a"
          + " paused workflow (gymops workflows pause) is marked and will be skipped."
    })
final class ScheduleCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "List the fires after this instant (default: now).")
  Instant from;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "5",
      description = "Fires per workflow and club (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (count < 1 || count > 1000) {
      throw new ParameterException(spec.commandLine(), "--count must be 1 to 1000");
    }
    GymOpsConfig config = root.loadConfig();
    Instant start = from != null ? from : root.environment().clock().instant();
    List<UpcomingFires.Fire> fires =
        UpcomingFires.after(ClubWorkflow.enabledIn(config), start, count);
    Set<String> paused = new HashSet<>();
    try (GymOpsApp app = root.openApp(root.dataDir())) {
      for (UpcomingFires.Fire fire : fires) {
        if (app.pauses().isPaused(fire.workflow(), fire.club())) {
          paused.add(fire.workflow().id() + "/" + fire.club());
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = JSON.createArrayNode();
      for (UpcomingFires.Fire fire : fires) {
        array
            .addObject()
            .put("workflow", fire.workflow().id())
            .put("club_id", fire.club().value())
            .put("fire_at", fire.fireAt().toString())
            .put("local_time", fire.localTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .put("paused", paused.contains(fire.workflow().id() + "/" + fire.club()));
      }
      out.println(JSON.writeValueAsString(array));
    } else if (fires.isEmpty()) {
      out.println("no workflow is enabled");
    } else {
      for (UpcomingFires.Fire fire : fires) {
        out.printf(
            "%-24s %-12s %-22s %s%s%n",
            fire.workflow().id(),
            fire.club().value(),
            fire.fireAt(),
            fire.localTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
            paused.contains(fire.workflow().id() + "/" + fire.club()) ? "  (paused)" : "");
      }
    }
    out.flush();
    return 0;
  }
}
