package com.gymops.application.run;

import java.util.Objects;
import java.util.Optional;

/**
 * What asking for a door change came to, before anything of it is recorded: the door system did it,
 * an earlier run had recorded it already, the door system answered that it did not do it, or the
 * call broke off with no answer. Only a confirmed change is then recorded, with the member's text
 * and note of the same rule.
 *
 * @param error why the change was not done, for the outcome and the manager; null unless {@link
 *     Kind#REFUSED} or {@link Kind#UNKNOWN}
 */
public record DoorAnswer(Kind kind, String error) {
  public enum Kind {
    /** The door system did the change: it is to be recorded. */
    CONFIRMED,
    /** The change's key is taken: an earlier run did and recorded it, nobody was asked. */
    ALREADY_RECORDED,
    /** The door system answered that it did not do it: the door is as it was. */
    REFUSED,
    /** The call to the door system threw: no answer, and nothing is recorded. */
    UNKNOWN
  }

  public DoorAnswer {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.REFUSED || kind == Kind.UNKNOWN) != (error != null)) {
      throw new IllegalArgumentException(kind + " with error " + error);
    }
  }

  public static DoorAnswer confirmed() {
    return new DoorAnswer(Kind.CONFIRMED, null);
  }

  public static DoorAnswer alreadyRecorded() {
    return new DoorAnswer(Kind.ALREADY_RECORDED, null);
  }

  public static DoorAnswer refused(String error) {
    return new DoorAnswer(Kind.REFUSED, Objects.requireNonNull(error, "error"));
  }

  public static DoorAnswer unknown(String error) {
    return new DoorAnswer(Kind.UNKNOWN, Objects.requireNonNull(error, "error"));
  }

  /**
   * The action's outcome when the change is not to be recorded now; empty when it is ({@link
   * Kind#CONFIRMED}), its outcome then being the record's.
   */
  public Optional<Outcome> settled() {
    return switch (kind) {
      case CONFIRMED -> Optional.empty();
      case ALREADY_RECORDED -> Optional.of(Outcome.alreadyDone());
      case REFUSED -> Optional.of(Outcome.failed("door system: " + error));
      case UNKNOWN -> Optional.of(Outcome.failed(error));
    };
  }
}
