package com.gymops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.Doctor;
import com.gymops.config.ConfigException;
import com.gymops.config.GymOpsConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check the configuration (every problem at once), the database, the templates, each"
          + " configured provider (Twilio's credentials and sending number, a paused sender, SMTP)"
          + " and whether the webhooks answer at messaging.public_base_url, and print what to fix.",
      "Sends nothing. Exits 1 when a check fails."
    })
final class DoctorCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the checks as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<Doctor.Check> checks;
    try {
      GymOpsConfig config =
          ConfigLoader.load(
              root.configFile(), root.environment().variables(), root.environment().systemZone());
      checks = new ArrayList<>(Doctor.examine(config, root.dataDir(), root.environment().clock()));
      checks.add(1, Doctor.timeZones(config, ConfigLoader.clubsWithoutTimeZone(root.configFile())));
    } catch (ConfigException e) {
      checks =
          e.problems().stream()
              .map(
                  problem ->
                      new Doctor.Check(
                          "configuration",
                          null,
                          problem,
                          "edit " + root.configFile().map(Object::toString).orElse("gymops.yml")))
              .toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean healthy = checks.stream().allMatch(Doctor.Check::ok);
    if (json) {
      ObjectNode report = JSON.createObjectNode().put("ok", healthy);
      ArrayNode array = report.putArray("checks");
      for (Doctor.Check check : checks) {
        ObjectNode node = array.addObject().put("name", check.name()).put("ok", check.ok());
        node.put("detail", check.detail()).put("problem", check.problem()).put("fix", check.fix());
      }
      out.println(JSON.writeValueAsString(report));
    } else {
      for (Doctor.Check check : checks) {
        if (check.ok()) {
          out.printf("ok    %-14s %s%n", check.name(), check.detail());
        } else {
          out.printf(
              "FAIL  %-14s %s%n      %-14s fix: %s%n",
              check.name(), check.problem(), "", check.fix());
        }
      }
    }
    out.flush();
    return healthy ? 0 : Cli.EXIT_FAILURE;
  }
}
