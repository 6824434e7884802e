package com.gymops.application.port;

import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import java.util.Objects;

/**
 * The system that admits members at the door, asked to carry out a lock or an unlock before GymOps
 * records it, so GymOps never believes a door changed when it did not. (The domain's {@link
 * DoorAccess} is the member's door <em>state</em>; this is the machine that enforces it.)
 * Implementations must be thread-safe, may block for their timeouts and retries, and must treat a
 * repeated request as harmless: after a crash between their call and the record, the next run asks
 * again.
 */
public interface DoorSystem {
  /** GymOps' own state is the door: door systems that poll read it, nothing is called. */
  DoorSystem BUILTIN = (member, target) -> Result.applied();

  /** Makes the member's door {@code target} (locked for payment, or open). */
  Result change(Member member, DoorAccess target);

  /** Whether the door system did it; {@code error} says why not, for the manager. */
  record Result(boolean done, String error) {
    public Result {
      if (!done) {
        Objects.requireNonNull(error, "error");
      }
    }

    public static Result applied() {
      return new Result(true, null);
    }

    public static Result failed(String error) {
      return new Result(false, error);
    }
  }
}
