package com.gymops.cli;

/**
 * A problem the user can fix (bad input, missing file, invalid config): printed as its message
 * alone, without a stack trace.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
