package com.gymops.application.port;

import java.time.Instant;
import java.util.List;

/**
 * The club system that owns members and balances (docs/club-system-api.md). {@link #LOCAL} is
 * GymOps' own store fed by {@code gymops import}: nothing to pull.
 */
public interface ClubSystem {
  ClubSystem LOCAL = (updatedSince, cursor) -> new Page(List.of(), null);

  /**
   * One page of members changed at or after {@code updatedSince}.
   *
   * @param updatedSince null for every member
   * @param cursor null for the first page, else the previous page's {@link Page#next()}
   * @throws ClubSystemException when the club system cannot be read; nothing is half-applied
   */
  Page members(Instant updatedSince, String cursor);

  /**
   * @param next the cursor of the following page, or null when this was the last
   */
  record Page(List<ClubRecord> members, String next) {
    public Page {
      members = List.copyOf(members);
    }
  }
}
