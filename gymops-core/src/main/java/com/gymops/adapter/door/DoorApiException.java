package com.gymops.adapter.door;

/**
 * A door system's API did not do what was asked: unreachable, refusing the credentials, answering
 * 429 or 5xx past the retries, or answering something else than it documents. The message is for
 * the manager: what was asked, of which system, and what to check.
 */
public final class DoorApiException extends RuntimeException {
  DoorApiException(String message) {
    super(message);
  }
}
