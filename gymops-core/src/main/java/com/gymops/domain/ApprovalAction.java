package com.gymops.domain;

import java.util.Objects;

/**
 * One planned action an approval covers, exactly as planned.
 *
 * @param effectJson the effect with its parameters, so the action can be rebuilt as planned
 * @param text the text it would send (rendered when the approval was filed), or null
 * @param outcome what became of it once executed (or why it was dropped); null before
 */
public record ApprovalAction(
    int seq,
    MemberId memberId,
    String action,
    String detail,
    String rule,
    String inputsJson,
    String effectJson,
    String text,
    String outcome) {
  public ApprovalAction {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(effectJson, "effectJson");
  }
}
