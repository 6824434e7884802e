package com.gymops.adapter.persistence;

import com.gymops.application.port.store.StoreException;
import java.util.Locale;

/**
 * The two databases GymOps runs on. Repository code is the same on both; what differs lives here,
 * in {@link SqliteTime} and in the per-vendor migration folders ({@code db/vendor/<vendor>}).
 */
enum Vendor {
  /** The production and cluster store: row locks, {@code SKIP LOCKED}, many nodes. */
  POSTGRESQL(" FOR UPDATE", "SELECT jsonb_array_elements_text(CAST(:ids AS jsonb))"),
  /**
   * The embedded store: one file, one writer at a time. Every transaction begins {@code BEGIN
   * IMMEDIATE} and so already holds the write lock a row lock would take on PostgreSQL.
   */
  SQLITE("", "SELECT value FROM json_each(:ids)");

  /** Jdbi define that ends a {@code SELECT} whose rows the transaction is about to change. */
  static final String ROW_LOCK = "row_lock";

  /**
   * Jdbi define: a sub-select of the strings of the JSON array bound as {@code :ids}, for {@code IN
   * (<ids_of_json>)}. One parameter however many ids: an {@code IN} list of thousands of bound
   * values costs more to parse and bind than the lookups it makes.
   */
  static final String IDS_OF_JSON = "ids_of_json";

  private final String rowLock;
  private final String idsOfJson;

  Vendor(String rowLock, String idsOfJson) {
    this.rowLock = rowLock;
    this.idsOfJson = idsOfJson;
  }

  String rowLock() {
    return rowLock;
  }

  String idsOfJson() {
    return idsOfJson;
  }

  /** The folder name under {@code db/vendor} holding this vendor's own migrations. */
  String folder() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Vendor of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    throw new StoreException(
        "database.url must start with jdbc:postgresql: (or be absent for the embedded SQLite"
            + " store), not '"
            + jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 20))
            + "'");
  }
}
