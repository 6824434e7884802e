package com.gymops.cli;

import com.gymops.app.DemoDirectory;
import com.gymops.app.GymOpsApp;
import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.app.demo.DemoData;
import com.gymops.app.demo.DemoSummary;
import com.gymops.application.care.Actor;
import com.gymops.application.messaging.DispatchResult;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.config.ClubSettings;
import com.gymops.config.DatabaseSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.Club;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.Plural;
import com.gymops.domain.WorkflowId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Make a realistic demo club in a fresh embedded database and show what it holds.",
      "Without --data it uses ./"
          + DemoCommand.DEFAULT_DIRECTORY
          + ", which each demo wipes and"
          + " rebuilds; it never touches a directory it did not make."
    })
final class DemoCommand implements Callable<Integer> {
  static final String DEFAULT_DIRECTORY = "gymops-demo";
  static final String DEMO_OWNER = "owner@example.com";

  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--members",
      paramLabel = "N",
      defaultValue = "2000",
      description = "How many people the club has, prospects included (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "2026",
      description = "Random seed: the same seed makes the same club (default: ${DEFAULT-VALUE}).")
  long seed;

  private static final LocalTime RUN_TIME = LocalTime.of(10, 0);

  /** Access first (unlocks at once), then collections, invoices and marketing. */
  private static final List<WorkflowId> ORDER =
      List.of(
          WorkflowId.DOOR_ACCESS,
          WorkflowId.PAST_DUE_MONITORING,
          WorkflowId.COLLECTIONS_ESCALATION,
          WorkflowId.COLLECTIONS_REFERRAL,
          WorkflowId.BATCH_INVOICES,
          WorkflowId.DAILY_CAMPAIGNS);

  @Option(names = "--no-run", description = "Only make the club; do not run the workflows.")
  boolean noRun;

  @Override
  public Integer call() {
    if (members < 1 || members > 1_000_000) {
      throw new UserError("--members must be between 1 and 1000000, not " + members);
    }
    Path directory =
        root.dataDir != null
            ? root.resolve(root.dataDir)
            : root.resolve(Path.of(DEFAULT_DIRECTORY));
    GymOpsConfig configured = root.loadConfig();
    // The demo always runs on its own embedded database, even when a server is configured, and
    // never reaches a real provider or door system.
    ClubSettings club = withManager(configured.clubs().get(0));
    GymOpsConfig config =
        new GymOpsConfig(
            List.of(club), DatabaseSettings.EMBEDDED, configured.messaging().loggedOnly());
    try {
      DemoDirectory.prepare(directory);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    LocalDate today = LocalDate.now(root.environment().clock().withZone(club.club().zone()));
    DemoData data =
        new DemoClubGenerator(today, club.club().zone()).generate(club.club().id(), members, seed);
    PrintWriter out = spec.commandLine().getOut();
    try (GymOpsApp app = GymOpsApp.open(config, directory, root.environment().clock())) {
      app.seed(data);
      out.printf(
          "Demo club '%s' (%s, %s) in %s%n%n",
          club.club().name(), club.club().id(), club.club().zone(), directory);
      out.println(DemoSummary.of(data, today).render());
      if (noRun) {
        printConsole(app, directory, out);
        out.flush();
        return 0;
      }
      // A fixed mid-morning instant: the demo shows the same day whenever it is run.
      Instant at = today.atTime(RUN_TIME).atZone(club.club().zone()).toInstant();
      out.printf(
          "%nThe six workflows, run as of %s %s (%s):%n", today, RUN_TIME, club.club().zone());
      for (WorkflowId workflow : ORDER) {
        out.println();
        ReportText.print(
            app.runner().run(new RunRequest(workflow, club.club().id(), RunMode.RULES, false, at)),
            out);
      }
      DispatchResult dispatched = app.dispatcher().dispatch(at);
      out.printf(
          "%nDispatch: %s written to %s (the demo sends nothing), %d deferred to the sending"
              + " window, %d failed.%nSee every run with: ./gymops --data %s runs%n",
          Plural.of(dispatched.logged(), "message", "messages"),
          directory.resolve(GymOpsApp.MESSAGE_LOG),
          dispatched.deferred(),
          dispatched.failed(),
          directory);
      printApprovals(app, club, directory, out);
      printConsole(app, directory, out);
    }
    out.flush();
    return 0;
  }

  /**
   * What waits for the manager: the demo club's day campaign is larger than
   * approvals.campaign_recipients and its referral list always waits, so the demo shows both.
   */
  private static void printApprovals(
      GymOpsApp app, ClubSettings club, Path directory, PrintWriter out) {
    List<Approval> pending = app.approvals().list(Actor.person("demo"), club.club().id(), true);
    if (pending.isEmpty()) {
      return;
    }
    out.printf(
        "%nWaiting for the manager: %s%n", Plural.of(pending.size(), "approval", "approvals"));
    for (Approval approval : pending) {
      out.printf("  %s  %-16s %s%n", approval.id(), approval.kind().code(), approval.summary());
    }
    out.printf("Decide with: ./gymops --data %s approvals approve|deny ID --by NAME%n", directory);
  }

  /**
   * Creates the demo's first owner account with a fresh password, printed here once (only its hash
   * is stored), and says how to open the console.
   */
  private static void printConsole(GymOpsApp app, Path directory, PrintWriter out) {
    String password = app.accounts().generatedPassword();
    app.accounts()
        .add(Actor.person("demo"), DEMO_OWNER, ConsoleRole.OWNER, Set.of(), password.toCharArray());
    out.printf(
        "%nThe manager console: start the server with%n  ./gymops --data %s"
            + " serve%nthen open http://localhost:8080/console and log in as%n  %s%n  password:"
            + " %s%n(shown only this once; add more users with 'gymops users add').%n",
        directory, DEMO_OWNER, password);
  }

  /** The demo's manager gets the summaries; a fictional number if none is configured. */
  private static ClubSettings withManager(ClubSettings settings) {
    Club club = settings.club();
    if (club.managerPhone() != null || club.managerEmail() != null) {
      return settings;
    }
    return new ClubSettings(
        new Club(club.id(), club.name(), club.zone(), "+12015550100", "manager@example.com"),
        settings.policy(),
        settings.workflows());
  }
}
