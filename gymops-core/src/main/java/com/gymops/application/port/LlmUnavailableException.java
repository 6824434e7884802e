package com.gymops.application.port;

import java.util.Objects;

/** The model could not be reached or refused the request; the run falls back to the rules. */
public final class LlmUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why no answer came. */
  public enum Reason {
    /** Nothing answered in time: connection refused or reset, or the timeout passed. */
    NO_ANSWER,
    /** Still rate-limited or overloaded after the client's retries. */
    OVERLOADED,
    /** The provider failed (5xx) after the client's retries. */
    PROVIDER_ERROR,
    /** The request itself was refused (bad key, bad request): retrying will not help. */
    REJECTED,
    /** An answer came that GymOps cannot read (an unknown block type, a malformed body). */
    UNREADABLE_ANSWER
  }

  private final Reason reason;

  /**
   * @param status the HTTP status of the last answer, 0 when there was none (connection, timeout)
   */
  private final int status;

  public LlmUnavailableException(Reason reason, int status, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.status = status;
  }

  public Reason reason() {
    return reason;
  }

  public int status() {
    return status;
  }
}
