package com.gymops.importing;

import com.gymops.domain.Member;
import java.util.List;

/**
 * The outcome of reading a members file: either every member in it, or the problems that stop it
 * from being imported. A file with any bad row imports nothing, so the two never both have entries.
 */
public record ParsedMembers(List<Member> members, List<ImportProblem> problems) {

  public ParsedMembers {
    members = List.copyOf(members);
    problems = List.copyOf(problems);
    if (!members.isEmpty() && !problems.isEmpty()) {
      throw new IllegalArgumentException("a file with problems imports no members");
    }
  }

  public boolean isAccepted() {
    return problems.isEmpty();
  }
}
