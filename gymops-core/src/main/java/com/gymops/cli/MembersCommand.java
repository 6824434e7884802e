package com.gymops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.application.care.ManualActions.DoorResult;
import com.gymops.application.care.MemberProfiles;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "members",
    mixinStandardHelpOptions = true,
    description = {
      "Look at one member and act by hand: lock, unlock, note, opt out or in, hold collections.",
      "Every action is audited with --by (default: $GYMOPS_USER, else $USER)."
    },
    subcommands = {
      MembersCommand.Show.class,
      MembersCommand.Lock.class,
      MembersCommand.Unlock.class,
      MembersCommand.NoteCommand.class,
      MembersCommand.OptOut.class,
      MembersCommand.OptIn.class,
      MembersCommand.Hold.class,
      MembersCommand.Release.class
    })
final class MembersCommand {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand GymOpsCommand root;

  /** What every subcommand shares: the member and who acts. */
  abstract static class MemberAction implements Callable<Integer> {
    @ParentCommand MembersCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The member's id.")
    String memberId;

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "Who acts, for the audit log (default: $GYMOPS_USER, else $USER).")
    String by;

    @Override
    public final Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (GymOpsApp app = parent.root.openExisting()) {
        run(app, Actor.person(actor()), memberId(), out);
      }
      out.flush();
      return 0;
    }

    abstract void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) throws IOException;

    /** Whether the command changes something, so the audit log must say who did it. */
    boolean acts() {
      return true;
    }

    private MemberId memberId() {
      try {
        return new MemberId(memberId);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), e);
      }
    }

    private String actor() {
      if (by != null && !by.isBlank()) {
        return by.strip();
      }
      CliEnvironment environment = parent.root.environment();
      for (String variable : new String[] {"GYMOPS_USER", "USER"}) {
        String value = environment.variable(variable);
        if (value != null && !value.isBlank()) {
          return value.strip();
        }
      }
      if (!acts()) {
        // a read is not audited: containers and cron jobs have no $USER, and need none to look
        return "command line";
      }
      throw new UserError("say who acts with --by NAME (no $GYMOPS_USER or $USER is set)");
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Balance, attempts, messages with status, notes, door history, payments, hold, audit.")
  static final class Show extends MemberAction {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    boolean acts() {
      return false;
    }

    @Override
    void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) throws IOException {
      JsonNode profile = MemberProfiles.json(app.memberProfiles().show(actor, id));
      if (json) {
        out.println(JSON.writeValueAsString(profile));
        return;
      }
      out.printf(
          "%s  %s  club %s  %s%n",
          profile.get("member_id").asText(),
          profile.get("name").asText(),
          profile.get("club_id").asText(),
          profile.get("status").asText());
      out.printf(
          "  past due %s since %s, door %s, texts %s%n",
          profile.get("past_due_amount").asText(),
          profile.get("past_due_since").asText("-"),
          profile.get("door").asText(),
          profile.get("sms_opted_out").asBoolean() ? "opted out" : "allowed");
      JsonNode hold = profile.get("hold");
      if (!hold.isNull()) {
        out.printf(
            "  hold until %s (%s) by %s%s%n",
            hold.get("until").asText(),
            hold.get("reason").asText(),
            hold.get("by").asText(),
            hold.get("released_at").isNull()
                ? ""
                : ", released " + hold.get("released_at").asText());
      }
      if (!profile.get("pay_link").isNull()) {
        out.println("  pay link " + profile.get("pay_link").asText());
      }
      if (!profile.get("club_system_id").isNull()) {
        out.printf(
            "  club system id %s, standing %s, last check-in %s%n",
            profile.get("club_system_id").asText(),
            profile.get("club_status").asText("-"),
            profile.get("last_check_in").asText("-"));
      }
      section(out, profile, "attempts", "at", "kind", "channel", "outcome");
      section(out, profile, "messages", "created_at", "template", "status", "text");
      section(out, profile, "notes", "at", "author", "text");
      section(out, profile, "door_history", "at", "door", "run_id");
      section(out, profile, "payments", "paid_at", "amount", "payment_id");
      section(out, profile, "audit", "at", "actor", "action", "after");
    }

    private static void section(PrintWriter out, JsonNode profile, String name, String... keys) {
      JsonNode items = profile.get(name);
      out.printf("  %s: %d%n", name.replace('_', ' '), items.size());
      for (JsonNode item : items) {
        StringBuilder line = new StringBuilder("    ");
        for (String key : keys) {
          line.append(item.get(key).asText("-")).append("  ");
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }

  /** Lock and unlock: a door change through the one pipeline. */
  abstract static class DoorAction extends MemberAction {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    abstract BiFunction<Actor, MemberId, DoorResult> change(GymOpsApp app);

    @Override
    void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) {
      DoorResult result = change(app).apply(actor, id);
      out.printf("%s %s (run %s)%n", id, result.outcome().message(), result.runId());
    }
  }

  @Command(
      name = "lock",
      mixinStandardHelpOptions = true,
      description = "Lock the member's door (a staff lock: GymOps never lifts it by itself).")
  static final class Lock extends DoorAction {
    @Override
    BiFunction<Actor, MemberId, DoorResult> change(GymOpsApp app) {
      return (actor, id) -> app.manualActions().lock(actor, id, reason);
    }
  }

  @Command(
      name = "unlock",
      mixinStandardHelpOptions = true,
      description = "Lift the member's lock, whatever its reason.")
  static final class Unlock extends DoorAction {
    @Override
    BiFunction<Actor, MemberId, DoorResult> change(GymOpsApp app) {
      return (actor, id) -> app.manualActions().unlock(actor, id, reason);
    }
  }

  @Command(name = "note", mixinStandardHelpOptions = true, description = "Add a staff note.")
  static final class NoteCommand extends MemberAction {
    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Override
    void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) {
      app.manualActions().note(actor, id, text);
      out.println(id + " noted");
    }
  }

  @Command(
      name = "opt-out",
      mixinStandardHelpOptions = true,
      description = "No texts of any kind to the member, as if they had replied STOP.")
  static final class OptOut extends MemberAction {
    @Override
    void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) {
      boolean changed = app.manualActions().setOptedOut(actor, id, true);
      out.println(id + (changed ? " opted out" : " was opted out already"));
    }
  }

  @Command(
      name = "opt-in",
      mixinStandardHelpOptions = true,
      description = "Texts to the member again, as if they had replied START.")
  static final class OptIn extends MemberAction {
    @Override
    void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) {
      boolean changed = app.manualActions().setOptedOut(actor, id, false);
      out.println(id + (changed ? " opted in" : " was not opted out"));
    }
  }

  @Command(
      name = "hold",
      mixinStandardHelpOptions = true,
      description = {
        "Hold collections (a payment plan): no reminders, invoices, escalations, referral or lock"
            + " before DATE; door unlocks still happen."
      })
  static final class Hold extends MemberAction {
    @Option(
        names = "--until",
        required = true,
        paramLabel = "DATE",
        description = "The club-local day collections resume (YYYY-MM-DD).")
    String until;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Override
    void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) {
      LocalDate date;
      try {
        date = LocalDate.parse(until);
      } catch (DateTimeParseException e) {
        throw new UserError("--until '" + until + "' is not a date (YYYY-MM-DD)", e);
      }
      CollectionHold hold = app.holds().hold(actor, id, date, reason);
      out.println(id + " on hold until " + hold.until() + " (" + hold.reason() + ")");
    }
  }

  @Command(
      name = "release",
      mixinStandardHelpOptions = true,
      description = "End the member's collection hold today.")
  static final class Release extends MemberAction {
    @Override
    void run(GymOpsApp app, Actor actor, MemberId id, PrintWriter out) {
      app.holds().release(actor, id);
      out.println(id + " released from hold");
    }
  }
}
