package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import com.gymops.application.importing.DateOrder;
import com.gymops.application.importing.ImportRejectedException;
import com.gymops.application.importing.ImportService;
import com.gymops.application.importing.ImportService.Imported;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import the club system's CSV exports; a file with any bad row imports nothing.",
    subcommands = {ImportCommand.Members.class, ImportCommand.Attempts.class})
final class ImportCommand {
  @ParentCommand GymOpsCommand root;

  @Command(
      name = "members",
      mixinStandardHelpOptions = true,
      description = {
        "Import members (upsert by member_id). Header:",
        "member_id,club_id,first_name,last_name,phone,email,status,joined_on,"
            + "past_due_amount,past_due_since,sms_consent,opted_out,door_state",
        "Amounts are US dollars: 49.99, $49.99, 1,200.00 or $1,200.00 (a comma only between"
            + " thousands). Yes/no columns take true/false, yes/no, Y/N or 1/0.",
        "Dates are YYYY-MM-DD unless --dates says how the file writes them."
      })
  static final class Members implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The members export.")
    Path file;

    @Option(
        names = "--dates",
        paramLabel = "ORDER",
        converter = DateOrderConverter.class,
        description = {
          "How the file writes dates: iso (YYYY-MM-DD, the default), us (MM/DD/YYYY) or"
              + " day-first (DD/MM/YYYY). A date like 01/02/2024 is never guessed: without this"
              + " option it is refused. YYYY-MM-DD is read whatever the option."
        })
    DateOrder dates = DateOrder.ISO;

    @Override
    public Integer call() {
      return run(
          parent.root,
          spec,
          file,
          "members",
          (importer, path) -> importer.importMembers(path, dates));
    }
  }

  static final class DateOrderConverter implements ITypeConverter<DateOrder> {
    @Override
    public DateOrder convert(String value) {
      return DateOrder.fromCode(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not one of " + DateOrder.codes()));
    }
  }

  @Command(
      name = "attempts",
      mixinStandardHelpOptions = true,
      description = {
        "Import collection attempts (re-importing the same rows adds nothing). Header:",
        "member_id,attempted_at,kind,channel,outcome"
      })
  static final class Attempts implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The attempts export.")
    Path file;

    @Override
    public Integer call() {
      return run(parent.root, spec, file, "attempts", ImportService::importAttempts);
    }
  }

  private static int run(
      GymOpsCommand root,
      CommandSpec spec,
      Path file,
      String what,
      BiFunction<ImportService, Path, Imported> importer) {
    Path path = root.resolve(file);
    try (GymOpsApp app = root.openApp(root.dataDir())) {
      Imported imported = importer.apply(app.importer(), path);
      spec.commandLine()
          .getOut()
          .printf(
              "Imported %d %s from %s (%d new, %d already known)%n",
              imported.rows(), what, path, imported.added(), imported.rows() - imported.added());
      return 0;
    } catch (ImportRejectedException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
