package com.gymops.cli;

import com.gymops.app.GymOpsApp;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the embedded database (gymops.db in the data directory) into FILE, consistent even"
          + " while 'gymops serve' runs, and check the copy's integrity.",
      "To restore: stop GymOps, replace gymops.db in the data directory with the copy, delete"
          + " gymops.db-wal and gymops.db-shm beside it, and start again.",
      "On PostgreSQL use pg_dump and pg_restore instead."
    })
final class BackupCommand implements Callable<Integer> {
  @ParentCommand GymOpsCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The new backup file; it must not exist.")
  Path file;

  @Override
  public Integer call() throws Exception {
    Path target = root.resolve(file);
    try (GymOpsApp app = root.openExisting()) {
      app.backupTo(target);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("backed up to %s (%,d bytes, integrity ok)%n", target, Files.size(target));
    out.flush();
    return 0;
  }
}
