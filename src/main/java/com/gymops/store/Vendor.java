package com.gymops.store;

import java.util.Locale;

/**
 * The two databases GymOps runs on. Repository code is the same on both; what differs lives here,
 * in {@link SqliteTime} and in the per-vendor migration folders ({@code db/vendor/<vendor>}).
 */
public enum Vendor {
  /** The production and cluster store: row locks, {@code SKIP LOCKED}, many nodes. */
  POSTGRESQL(" FOR UPDATE"),
  /**
   * The embedded store: one file, one writer at a time. Every transaction begins {@code BEGIN
   * IMMEDIATE} and so already holds the write lock a row lock would take on PostgreSQL.
   */
  SQLITE("");

  /** Jdbi define that ends a {@code SELECT} whose rows the transaction is about to change. */
  static final String ROW_LOCK = "row_lock";

  private final String rowLock;

  Vendor(String rowLock) {
    this.rowLock = rowLock;
  }

  String rowLock() {
    return rowLock;
  }

  /** The folder name under {@code db/vendor} holding this vendor's own migrations. */
  public String folder() {
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
