package com.gymops.domain;

import java.util.Objects;

/**
 * A text file that travels with an email, held in full so that whichever node delivers the message
 * can send it (a referral or escalation CSV for the manager).
 */
public record Attachment(String fileName, String text) {
  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(text, "text");
    if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
      throw new IllegalArgumentException("'" + fileName + "' is not a plain file name");
    }
  }
}
