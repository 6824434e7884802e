package com.gymops.application.run;

import java.util.Objects;

/** What became of one action when the run executed it. */
public record Outcome(Kind kind, String message) {
  public enum Kind {
    /** The effect happened in this run. */
    DONE,
    /** An earlier run in the same period already did it (its key was taken). */
    ALREADY_DONE,
    /** Dry run: it would have happened. */
    PLANNED,
    /** No channel reaches the member; recorded, not sent. */
    UNDELIVERABLE,
    FAILED
  }

  public Outcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  public static Outcome done(String message) {
    return new Outcome(Kind.DONE, message);
  }

  public static Outcome alreadyDone() {
    return new Outcome(Kind.ALREADY_DONE, "already done in this period");
  }

  public static Outcome planned() {
    return new Outcome(Kind.PLANNED, "planned (dry run)");
  }

  public static Outcome undeliverable(String message) {
    return new Outcome(Kind.UNDELIVERABLE, message);
  }

  public static Outcome failed(String message) {
    return new Outcome(Kind.FAILED, message);
  }

  /** The short outcome stored with the run event. */
  public String code() {
    return switch (kind) {
      case DONE -> "done";
      case ALREADY_DONE -> "already done";
      case PLANNED -> "planned";
      case UNDELIVERABLE -> "undeliverable";
      case FAILED -> "failed: " + message;
    };
  }
}
