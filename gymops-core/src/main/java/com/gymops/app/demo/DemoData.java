package com.gymops.app.demo;

import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import java.util.List;

/**
 * A generated club: its people and their collection history, ordered by member id and, within a
 * member, by time.
 */
public record DemoData(List<Member> members, List<CollectionAttempt> attempts) {
  public DemoData {
    members = List.copyOf(members);
    attempts = List.copyOf(attempts);
  }
}
