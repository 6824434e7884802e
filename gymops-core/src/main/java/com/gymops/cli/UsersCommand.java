package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.accounts.AccountException;
import com.gymops.application.accounts.Accounts;
import com.gymops.application.care.Actor;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.ConsoleUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the manager console's accounts (the console is /console on 'gymops serve').",
      "Staff read; managers also act (approve, run, hold, lock); owners also manage users."
    },
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Disable.class
    })
final class UsersCommand {
  @ParentCommand GymOpsCommand root;

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a console user. The password is read from standard input (first line), never from"
            + " the command line; it needs at least "
            + Accounts.MIN_PASSWORD_LENGTH
            + " characters.",
        "Without --club the user sees every club.",
        "Example: echo 'long secret phrase' | gymops users add ana@example.com --role manager"
            + " --club downtown --password-stdin"
      })
  static final class Add implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "EMAIL", description = "The login.")
    String email;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "owner, manager or staff.")
    String role;

    @Option(
        names = "--club",
        paramLabel = "ID",
        description = "A club the user sees; repeat for several.")
    List<String> clubs = List.of();

    @Option(
        names = "--password-stdin",
        required = true,
        description = "Read the password from standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      ConsoleRole parsed;
      try {
        parsed = ConsoleRole.parse(role);
      } catch (IllegalArgumentException e) {
        throw new UserError("--role: " + e.getMessage(), e);
      }
      char[] password = readPassword();
      Set<ClubId> clubIds = new LinkedHashSet<>();
      for (String club : clubs) {
        try {
          clubIds.add(new ClubId(club));
        } catch (IllegalArgumentException e) {
          throw new UserError("--club: " + e.getMessage(), e);
        }
      }
      try (GymOpsApp app = parent.root.openApp(parent.root.dataDir())) {
        ConsoleUser user =
            app.accounts().add(cliActor(parent.root), email, parsed, clubIds, password);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("added %s (%s, %s)%n", user.email(), user.role().code(), clubsOf(user));
        out.flush();
      } catch (AccountException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }

    private char[] readPassword() {
      try {
        String line =
            new BufferedReader(
                    new InputStreamReader(
                        parent.root.environment().stdin(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null || line.isEmpty()) {
          throw new UserError("--password-stdin: standard input has no password");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the password from standard input", e);
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the console's users: email, role, clubs, enabled or disabled.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openApp(parent.root.dataDir())) {
        List<ConsoleUser> users = app.accounts().users();
        if (users.isEmpty()) {
          out.println(
              "No users yet. Add one with: gymops users add EMAIL --role owner --password-stdin");
        }
        for (ConsoleUser user : users) {
          out.printf(
              "%-40s %-8s %-30s %s%n",
              user.email(),
              user.role().code(),
              clubsOf(user),
              user.disabled() ? "disabled" : "enabled");
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a user: they can no longer log in, and their open sessions end now.")
  static final class Disable implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "EMAIL", description = "The user's login.")
    String email;

    @Override
    public Integer call() {
      try (GymOpsApp app = parent.root.openApp(parent.root.dataDir())) {
        int ended = app.accounts().disable(cliActor(parent.root), email);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("disabled %s; %d open sessions ended%n", email.trim(), ended);
        out.flush();
      } catch (AccountException e) {
        throw new UserError(e.getMessage(), e);
      }
      return 0;
    }
  }

  /** Who the audit log names for a change made here: the shell's user, if known. */
  private static Actor cliActor(GymOpsCommand root) {
    String user = root.environment().variable("USER");
    return Actor.person(user == null ? "cli" : "cli:" + user.strip());
  }

  private static String clubsOf(ConsoleUser user) {
    return user.allClubs()
        ? "all clubs"
        : user.clubs().stream()
            .map(ClubId::value)
            .collect(Collectors.toCollection(TreeSet::new))
            .stream()
            .collect(Collectors.joining(","));
  }
}
