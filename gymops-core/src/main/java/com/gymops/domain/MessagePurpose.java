package com.gymops.domain;

/**
 * Why a message is sent, which decides the rules it obeys: marketing needs consent, collection
 * messages are capped per week, every member message waits for the sending window.
 */
public enum MessagePurpose {
  MARKETING,
  REMINDER,
  INVOICE,
  ACCESS,
  MANAGER;

  /** Reminders and invoices: the messages the 2-per-7-days collection cap counts. */
  public boolean isCollection() {
    return this == REMINDER || this == INVOICE;
  }
}
