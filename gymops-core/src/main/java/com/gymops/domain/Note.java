package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/** A note on a member's account, written by staff or by a workflow run. */
public record Note(
    MemberId memberId,
    Instant createdAt,
    NotePriority priority,
    NoteCategory category,
    String text,
    String author) {

  public Note {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(author, "author");
  }
}
