package com.gymops.application.run;

import com.gymops.application.port.store.MemberStore;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.util.List;

/**
 * Every member's door state, page by page, for door systems that poll GymOps instead of being
 * driven by it ({@code builtin} doors). Pages are keyed by member id (the cursor is the last id of
 * the page before), so a poll over 100,000 members reads one page at a time and a member added
 * meanwhile is neither skipped twice nor shifts the pages.
 */
public final class DoorStateExport {
  public static final int MAX_PAGE = 5_000;

  private final MemberStore members;

  public DoorStateExport(MemberStore members) {
    this.members = members;
  }

  /**
   * @param after the cursor from the previous page, or null for the first
   * @param limit 1 to {@link #MAX_PAGE}
   */
  public Page page(String after, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE);
    }
    List<Member> found = members.pageAfter(after == null ? null : new MemberId(after), limit);
    List<Entry> entries =
        found.stream()
            .map(
                member ->
                    new Entry(
                        member.id().value(),
                        member.clubId().value(),
                        member.door().state().name(),
                        member.door().lockReason() == null
                            ? null
                            : member.door().lockReason().name()))
            .toList();
    String next = found.size() < limit ? null : found.get(found.size() - 1).id().value();
    return new Page(entries, next);
  }

  /** One member's door: {@code ACTIVE} or {@code LOCKED} with the reason. */
  public record Entry(String memberId, String clubId, String door, String lockReason) {}

  /**
   * @param next the cursor of the next page, or null when this was the last
   */
  public record Page(List<Entry> members, String next) {}
}
