package com.gymops.application.importing;

import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome of reading a members file: either every member in it, or the problems that stop it
 * from being imported. A file with any bad row imports nothing, so the two never both have entries.
 */
public record ParsedMembers(
    List<Member> members,
    List<ImportProblem> problems,
    Map<MemberId, LocalDate> holdsUntil,
    Map<MemberId, String> payLinks) {

  /** A file without the optional hold and pay-link columns. */
  public ParsedMembers(List<Member> members, List<ImportProblem> problems) {
    this(members, problems, Map.of(), Map.of());
  }

  /**
   * @param holdsUntil the {@code collections_hold_until} dates given
   * @param payLinks the {@code pay_link} URLs given
   */
  public ParsedMembers {
    members = List.copyOf(members);
    problems = List.copyOf(problems);
    holdsUntil = Map.copyOf(holdsUntil);
    payLinks = Map.copyOf(payLinks);
    if (!members.isEmpty() && !problems.isEmpty()) {
      throw new IllegalArgumentException("a file with problems imports no members");
    }
  }

  public boolean isAccepted() {
    return problems.isEmpty();
  }
}
