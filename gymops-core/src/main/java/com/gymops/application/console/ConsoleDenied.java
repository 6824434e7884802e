package com.gymops.application.console;

/** The signed-in user may not do this (their role, or a club they do not see). */
public final class ConsoleDenied extends RuntimeException {
  public ConsoleDenied(String message) {
    super(message);
  }
}
