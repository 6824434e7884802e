package com.gymops.application.accounts;

/** A request about accounts that cannot be done as asked; the message says why. */
public final class AccountException extends RuntimeException {
  public AccountException(String message) {
    super(message);
  }
}
