package com.gymops.policy;

import com.gymops.domain.Member;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A past-due member picked by a collections rule, with the facts the rule saw. */
record CollectionCase(Member member, CollectionFacts facts, String lastContact) {
  /** Largest balances first, so a capped manager text names the cases that matter most. */
  static final Comparator<CollectionCase> LARGEST_FIRST =
      Comparator.comparing((CollectionCase c) -> c.facts().amount()).reversed();

  static final int CASES_NAMED_IN_MANAGER_TEXT = 5;

  CollectionCase {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(lastContact, "lastContact");
  }

  static CollectionCase of(Member member, CollectionFacts facts, ZoneId zone) {
    String lastContact =
        facts.lastContact().map(at -> LocalDate.ofInstant(at, zone).toString()).orElse("never");
    return new CollectionCase(member, facts, lastContact);
  }

  /**
   * The first few cases for a manager text, then how many more: the text stays one readable SMS
   * however many members a club has, and the full list is in the report.
   */
  static String namedInShort(List<CollectionCase> cases) {
    List<CollectionCase> largest =
        cases.stream().sorted(LARGEST_FIRST).limit(CASES_NAMED_IN_MANAGER_TEXT).toList();
    StringBuilder text = new StringBuilder();
    for (CollectionCase c : largest) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(c.member().fullName()).append(" ").append(c.facts().amount().dollars());
    }
    int more = cases.size() - largest.size();
    if (more > 0) {
      text.append(" and ").append(more).append(" more");
    }
    return text.toString();
  }
}
