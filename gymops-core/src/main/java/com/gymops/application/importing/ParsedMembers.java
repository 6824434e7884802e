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
    Map<MemberId, String> payLinks,
    Map<MemberId, String> customerIds) {

  /** A file without the optional hold, pay-link and customer-id columns. */
  public ParsedMembers(List<Member> members, List<ImportProblem> problems) {
    this(members, problems, Map.of(), Map.of(), Map.of());
  }

  /** A file without the optional customer-id column. */
  public ParsedMembers(
      List<Member> members,
      List<ImportProblem> problems,
      Map<MemberId, LocalDate> holdsUntil,
      Map<MemberId, String> payLinks) {
    this(members, problems, holdsUntil, payLinks, Map.of());
  }

  /**
   * @param holdsUntil the {@code collections_hold_until} dates given
   * @param payLinks the {@code pay_link} URLs given
   * @param customerIds the {@code payment_customer_id}s given: each member's customer id at the
   *     payment provider
   */
  public ParsedMembers {
    members = List.copyOf(members);
    problems = List.copyOf(problems);
    holdsUntil = Map.copyOf(holdsUntil);
    payLinks = Map.copyOf(payLinks);
    customerIds = Map.copyOf(customerIds);
    if (!members.isEmpty() && !problems.isEmpty()) {
      throw new IllegalArgumentException("a file with problems imports no members");
    }
  }

  public boolean isAccepted() {
    return problems.isEmpty();
  }
}
