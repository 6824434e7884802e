package com.gymops.application.port;

/** The payment provider could not answer: its words, never a secret. */
public final class PaymentProviderException extends RuntimeException {
  public PaymentProviderException(String message) {
    super(message);
  }
}
