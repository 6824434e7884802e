package com.gymops.application.console;

import java.util.List;

/**
 * One page of an approval's review list: the covered members matching a search, name beside id,
 * {@link ApprovalsQuery#PAGE_SIZE} a page.
 *
 * @param page 1-based
 * @param matching how many covered members match the search
 */
public record ApprovalReview(
    ApprovalRow approval, String search, int page, int pages, long matching, List<Member> members) {
  public int from() {
    return members.isEmpty() ? 0 : (page - 1) * ApprovalsQuery.PAGE_SIZE + 1;
  }

  public int to() {
    return (page - 1) * ApprovalsQuery.PAGE_SIZE + members.size();
  }

  /**
   * A covered member.
   *
   * @param what each covered action in words, joined by "; "
   * @param text the text the member would get, if the approval sends one
   */
  public record Member(String memberId, String name, String what, String text) {}
}
