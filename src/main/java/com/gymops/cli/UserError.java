package com.gymops.cli;

/**
 * A problem the user can fix (bad input, missing file, invalid config): printed as its message
 * alone, without a stack trace.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }

  UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
