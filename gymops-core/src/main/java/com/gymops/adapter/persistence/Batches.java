package com.gymops.adapter.persistence;

import java.sql.Statement;

/** Reading a batch of {@code INSERT ... ON CONFLICT DO NOTHING}: which of its rows went in. */
final class Batches {
  private Batches() {}

  /**
   * Whether each row was inserted (count 1) or skipped for its key (count 0). A driver that does
   * not say ({@link Statement#SUCCESS_NO_INFO}, as PostgreSQL's does with rewritten batched
   * inserts) cannot tell a new effect from a repeated one, so the batch is refused: the caller's
   * transaction rolls back and its effects are executed one by one instead.
   *
   * @throws IllegalStateException when a count is neither 0 nor 1
   */
  static boolean[] inserted(int[] counts, String table) {
    boolean[] inserted = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0 && counts[i] != 1) {
        throw new IllegalStateException(
            "the driver reported " + counts[i] + " rows for one insert into " + table);
      }
      inserted[i] = counts[i] == 1;
    }
    return inserted;
  }
}
