package com.gymops.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.Note;
import java.time.Instant;
import java.util.List;

/** Notes on member accounts. Thread-safe. */
public interface NoteStore {
  /** Adds the note unless one with the same key exists; returns whether it was added. */
  boolean add(Note note, String idempotencyKey, String runId);

  List<Note> ofMember(MemberId member);

  /**
   * The club's notes written after {@code after} by anyone but {@code exceptAuthor}, in one query
   * whatever the number of members: by member, then time.
   */
  List<Note> inClubAfter(ClubId club, Instant after, String exceptAuthor);

  long count();
}
