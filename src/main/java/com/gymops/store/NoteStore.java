package com.gymops.store;

import com.gymops.domain.MemberId;
import com.gymops.domain.Note;
import java.util.List;

/** Notes on member accounts. Thread-safe. */
public interface NoteStore {
  /** Adds the note unless one with the same key exists; returns whether it was added. */
  boolean add(Note note, String idempotencyKey, String runId);

  List<Note> ofMember(MemberId member);

  long count();
}
