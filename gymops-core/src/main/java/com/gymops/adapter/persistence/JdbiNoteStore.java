package com.gymops.adapter.persistence;

import com.gymops.application.port.store.NoteStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.Note;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Notes in the {@code member_note} table. */
final class JdbiNoteStore implements NoteStore {
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiNoteStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  private static final String INSERT =
      "INSERT INTO member_note (member_id, created_at, priority, category, note_text, author,"
          + " run_id, idempotency_key) VALUES (:member, :created_at, :priority, :category, :text,"
          + " :author, :run_id, :key) ON CONFLICT DO NOTHING";

  @Override
  public boolean add(Note note, String idempotencyKey, String runId) {
    return jdbi.withHandle(
            handle ->
                bind(handle.createUpdate(INSERT), new KeyedNote(note, idempotencyKey, runId))
                    .execute())
        == 1;
  }

  @Override
  public boolean[] addAll(List<KeyedNote> notes) {
    if (notes.isEmpty()) {
      return new boolean[0];
    }
    return jdbi.inTransaction(
        handle -> {
          PreparedBatch batch = handle.prepareBatch(INSERT);
          for (KeyedNote note : notes) {
            bind(batch, note).add();
          }
          return Batches.inserted(batch.execute(), "member_note");
        });
  }

  private static <S extends SqlStatement<S>> S bind(S statement, KeyedNote keyed) {
    Note note = keyed.note();
    return statement
        .bind("member", note.memberId().value())
        .bind("created_at", note.createdAt())
        .bind("priority", note.priority().name())
        .bind("category", note.category().name())
        .bind("text", note.text())
        .bind("author", note.author())
        .bind("run_id", keyed.runId())
        .bind("key", keyed.idempotencyKey());
  }

  @Override
  public List<Note> ofMember(MemberId member) {
    return queries.list(
        Note.class,
        "SELECT member_id, created_at, priority, category, note_text, author FROM member_note"
            + " WHERE member_id = ? ORDER BY created_at, id",
        member.value());
  }

  @Override
  public List<Note> inClubAfter(ClubId club, Instant after, String exceptAuthor) {
    return queries.list(
        Note.class,
        "SELECT n.member_id, n.created_at, n.priority, n.category, n.note_text, n.author"
            + " FROM member_note n JOIN member m ON m.member_id = n.member_id"
            + " WHERE m.club_id = ? AND n.created_at > ? AND n.author <> ?"
            + " ORDER BY n.member_id, n.created_at, n.id",
        club.value(),
        after,
        exceptAuthor);
  }

  @Override
  public long count() {
    return queries.count("SELECT COUNT(*) FROM member_note");
  }
}
