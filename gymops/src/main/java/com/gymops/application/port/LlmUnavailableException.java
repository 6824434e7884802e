package com.gymops.application.port;

/** The model could not be reached or refused the request; the run falls back to the rules. */
public final class LlmUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param status the HTTP status of the last answer, 0 when there was none (connection, timeout)
   */
  private final int status;

  public LlmUnavailableException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
