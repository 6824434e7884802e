package com.gymops.adapter.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Turns a driver's failure into a sentence a club manager can act on. */
public final class StoreErrors {
  private StoreErrors() {}

  /**
   * The root cause's message, or what to do about it when the embedded store's disk is full or
   * read-only. A failed SQLite write rolls its transaction back, so nothing is half-written.
   */
  public static String explain(Throwable failure, Path dataDir) {
    return diskProblem(failure, dataDir).orElseGet(() -> rootMessage(failure));
  }

  /** What to do when the failure is the embedded store's disk being full or read-only. */
  public static Optional<String> diskProblem(Throwable failure, Path dataDir) {
    String lower = rootMessage(failure).toLowerCase(Locale.ROOT);
    String where = dataDir == null ? "the data directory" : "the data directory " + dataDir;
    if (lower.contains("sqlite_full") || lower.contains("disk is full")) {
      return Optional.of(
          "the disk of "
              + where
              + " is full; nothing was half-written (the transaction was rolled back): free space"
              + " and run the command again");
    }
    if (lower.contains("sqlite_readonly") || lower.contains("readonly database")) {
      return Optional.of(
          where
              + " is read-only; nothing was written: make it writable (or use --data DIR) and run"
              + " the command again");
    }
    return Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
