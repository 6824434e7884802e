package com.gymops.application.care;

/** The member, approval or token asked for does not exist (the API answers 404). */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
