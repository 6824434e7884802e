package com.gymops.application.port.store;

import com.gymops.domain.AuditEntry;
import java.util.List;

/** What people did by hand or through the API, append-only. Thread-safe. */
public interface AuditLog {
  void add(AuditEntry entry);

  /** The entries about {@code target} (e.g. {@code member:M1}), oldest first. */
  List<AuditEntry> about(String target);

  /** The latest {@code limit} entries, newest first. */
  List<AuditEntry> latest(int limit);
}
