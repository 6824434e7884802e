package com.gymops.application.care;

/** The actor may not act on the target's club (the API answers 403). */
public final class NotPermittedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotPermittedException(String message) {
    super(message);
  }
}
