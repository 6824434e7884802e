package com.gymops.application.port;

/** The club system could not be read (unreachable, refused, or answered what is not the API). */
public final class ClubSystemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClubSystemException(String message) {
    super(message);
  }

  public ClubSystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
