package com.gymops.application.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.DailyCampaignsPolicy;
import com.gymops.policy.MemberSnapshot;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * {@code get_campaign_prospects}, {@code get_green_members}, {@code get_ppv_members}: one campaign
 * audience each, with the template the policy plans for each person (null: none today, e.g. no
 * consent, a balance, or already sent).
 */
final class CampaignAudience extends CatalogTool {
  private static final String COMMON =
      " Each row: member_id, name, status, joined_on, sms_consent, opted_out, has_phone, balance"
          + " and planned_template. Marketing goes only with consent, never after STOP, never to"
          + " someone with a balance, at most one text a day; planned_template already applies"
          + " all of that. At most 200 per call: page with offset and limit. Read-only.";

  private final BiPredicate<Member, ToolSession> audience;

  private CampaignAudience(
      String name, String description, BiPredicate<Member, ToolSession> audience) {
    super(
        name,
        description + COMMON,
        InputSchema.object().paging(),
        Set.of(WorkflowId.DAILY_CAMPAIGNS),
        false);
    this.audience = audience;
  }

  static CampaignAudience prospects() {
    return new CampaignAudience(
        "get_campaign_prospects",
        "Lists the club's prospects (people who showed interest but never joined): they get"
            + " prospect_welcome once, then monthly_special once per calendar month.",
        (member, session) -> member.status() == MemberStatus.PROSPECT);
  }

  static CampaignAudience greenMembers() {
    return new CampaignAudience(
        "get_green_members",
        "Lists green members: ACTIVE and joined within the club's green days (30 by default);"
            + " they get green_member_welcome once.",
        (member, session) ->
            DailyCampaignsPolicy.isGreen(
                member, session.context().localDate(), session.context().policy().campaigns()));
  }

  static CampaignAudience ppvMembers() {
    return new CampaignAudience(
        "get_ppv_members",
        "Lists pay-per-visit (PPV) members: they get ppv_conversion, a membership offer, at most"
            + " once every 30 days.",
        (member, session) -> member.status() == MemberStatus.PPV);
  }

  @Override
  ToolResult run(JsonNode input, ToolSession session) {
    List<MemberSnapshot> members =
        session.members().stream().filter(m -> audience.test(m.member(), session)).toList();
    return ToolResult.ok(
        Paging.of(input)
            .page(
                members,
                "members",
                m -> MemberRows.campaign(m, session.ledger().plannedFor(m.member().id()))));
  }
}
