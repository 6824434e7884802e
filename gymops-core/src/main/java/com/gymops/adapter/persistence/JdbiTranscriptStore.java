package com.gymops.adapter.persistence;

import com.gymops.application.port.store.TranscriptStore;
import com.gymops.domain.TranscriptEntry;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Transcripts in {@code agent_transcript}. */
final class JdbiTranscriptStore implements TranscriptStore {
  /** The column's size; a longer body is cut and says so. */
  static final int MAX_BODY = 1_000_000;

  private static final String CUT = "...[cut at " + MAX_BODY + " characters]";

  private final Jdbi jdbi;

  JdbiTranscriptStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void add(String runId, List<TranscriptEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        handle -> {
          PreparedBatch batch =
              handle.prepareBatch(
                  "INSERT INTO agent_transcript (run_id, seq, kind, recorded_at, body)"
                      + " VALUES (:run_id, :seq, :kind, :recorded_at, :body)");
          for (TranscriptEntry entry : entries) {
            batch
                .bind("run_id", runId)
                .bind("seq", entry.seq())
                .bind("kind", entry.kind())
                .bind("recorded_at", entry.recordedAt())
                .bind("body", fit(entry.body()))
                .add();
          }
          batch.execute();
        });
  }

  @Override
  public List<TranscriptEntry> of(String runId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT seq, kind, recorded_at, body FROM agent_transcript"
                        + " WHERE run_id = :run_id ORDER BY seq")
                .bind("run_id", runId)
                .map(
                    (rs, ctx) ->
                        new TranscriptEntry(
                            rs.getInt("seq"),
                            rs.getString("kind"),
                            Columns.instant(rs, "recorded_at"),
                            rs.getString("body")))
                .list());
  }

  private static String fit(String body) {
    return body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY - CUT.length()) + CUT;
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM" + " agent_transcript WHERE recorded_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
  }
}
