package com.gymops.policy;

import com.gymops.domain.Member;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A one-off message to a segment (docs/ASK.md), planned under the daily campaigns' guard: only with
 * consent, never to a member who replied STOP or owes money, at most one marketing text per person
 * per day (a campaign text today means no one-off today, and the other way round), and each message
 * once per member. The texting window is the composer's and the dispatcher's, as for every text;
 * the approval is the runner's (every one-off waits for a person, see {@link
 * com.gymops.domain.Approval.Kind#MESSAGE}).
 */
public final class OneOffMessagePolicy implements WorkflowPolicy {
  public static final String RULE = "campaign.one_off";

  /** The skip reason of a member who got this very message already. */
  public static final String SKIP_HAD_IT = "had this message";

  private final OneOffMessage message;

  public OneOffMessagePolicy(OneOffMessage message) {
    this.message = message;
  }

  @Override
  public Plan plan(ClubSnapshot snapshot, Clock clock) {
    ZoneId zone = snapshot.club().zone();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    CampaignRules rules = snapshot.policy().campaigns();
    MessageComposer composer = MessageComposer.of(snapshot, clock.instant());
    List<Action> actions = new ArrayList<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    for (MemberSnapshot candidate : snapshot.members()) {
      Member member = candidate.member();
      if (!message.segment().contains(member, today, rules)) {
        continue;
      }
      Optional<String> why = skipOf(member, candidate.marketing(), today, zone);
      if (why.isPresent()) {
        skipped.merge(why.get(), 1, Integer::sum);
        continue;
      }
      Map<String, String> text = Map.of("text", message.personalised(member.firstName()));
      actions.add(
          new Action(
              member.id(),
              new Effect.SendCampaign(
                  MessageTemplates.ONE_OFF_MESSAGE,
                  composer.marketing(member, MessageTemplates.ONE_OFF_MESSAGE, text).orElse(null)),
              RULE,
              message.inputs()));
    }
    return new Plan(actions, CampaignSummary.of(actions, 0), skipped);
  }

  private Optional<String> skipOf(
      Member member, MarketingHistory history, LocalDate today, ZoneId zone) {
    Optional<String> barred = DailyCampaignsPolicy.barredToday(member, history, today, zone);
    if (barred.isPresent()) {
      return barred;
    }
    Instant lastOneOff = history.lastSentByTemplate().get(MessageTemplates.ONE_OFF_MESSAGE);
    return lastOneOff != null && !lastOneOff.isBefore(message.filedAt())
        ? Optional.of(SKIP_HAD_IT)
        : Optional.empty();
  }
}
