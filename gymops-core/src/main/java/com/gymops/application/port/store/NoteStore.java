package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.Note;
import java.time.Instant;
import java.util.List;

/** Notes on member accounts. Thread-safe. */
public interface NoteStore {
  /** Adds the note unless one with the same key exists; returns whether it was added. */
  boolean add(Note note, String idempotencyKey, String runId);

  /** A note with its idempotency key and the run that wrote it. */
  record KeyedNote(Note note, String idempotencyKey, String runId) {}

  /**
   * Adds each note whose key is not taken (by a stored note or an earlier one of the list), in one
   * JDBC batch.
   *
   * @return for each note, in order, whether it was added
   */
  boolean[] addAll(List<KeyedNote> notes);

  List<Note> ofMember(MemberId member);

  /**
   * The club's notes written after {@code after} by anyone but {@code exceptAuthor}, in one query
   * whatever the number of members: by member, then time.
   */
  List<Note> inClubAfter(ClubId club, Instant after, String exceptAuthor);

  long count();
}
