package com.gymops.policy;

import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily-campaigns workflow (docs/WORKFLOWS.md): at most one marketing text per person per day,
 * only with consent and never to a member who owes money.
 *
 * <ul>
 *   <li>Prospects get {@code prospect_welcome} once, then {@code monthly_special} once per
 *       club-local calendar month.
 *   <li>Green members, ACTIVE with at most {@code greenDays} club-local days since joining (the
 *       join day is day 0, so day 30 is still green and day 31 is not), get {@code
 *       green_member_welcome} once ever.
 *   <li>PPV members get {@code ppv_conversion} when at least {@code ppvIntervalDays} club-local
 *       days passed since the last one. Counting calendar days rather than hours keeps a 06:00 run
 *       from missing the day because last month's send went out a few seconds later.
 * </ul>
 *
 * Other members (FROZEN, CANCELLED, ACTIVE past the green days) are not a campaign audience and are
 * neither planned nor counted as skipped.
 */
public final class DailyCampaignsPolicy implements WorkflowPolicy {
  public static final String RULE_PROSPECT_WELCOME = "campaign.prospect.welcome";
  public static final String RULE_PROSPECT_MONTHLY = "campaign.prospect.monthly";
  public static final String RULE_GREEN_WELCOME = "campaign.green.welcome";
  public static final String RULE_PPV_CONVERSION = "campaign.ppv.conversion";

  public static final String SKIP_OPTED_OUT = "opted out";
  public static final String SKIP_NO_CONSENT = "no consent";
  public static final String SKIP_NO_PHONE = "no phone";
  public static final String SKIP_HAS_BALANCE = "has balance";
  public static final String SKIP_ALREADY_SENT = "already sent";
  public static final String SKIP_SENT_TODAY = "marketing sent today";

  private enum Audience {
    PROSPECTS,
    GREEN,
    PPV
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
      Optional<Audience> audience = audienceOf(member, today, rules);
      if (audience.isEmpty()) {
        continue;
      }
      Optional<String> barred = barredToday(member, candidate.marketing(), today, zone);
      if (barred.isPresent()) {
        skipped.merge(barred.get(), 1, Integer::sum);
        continue;
      }
      History history = new History(candidate.marketing(), zone);
      Optional<Action> action = choose(audience.get(), member, history, today, rules, composer);
      if (action.isEmpty()) {
        skipped.merge(SKIP_ALREADY_SENT, 1, Integer::sum);
        continue;
      }
      actions.add(action.get());
    }

    return new Plan(actions, CampaignSummary.of(actions, 0), skipped);
  }

  private static Optional<Audience> audienceOf(
      Member member, LocalDate today, CampaignRules rules) {
    return switch (member.status()) {
      case PROSPECT -> Optional.of(Audience.PROSPECTS);
      case PPV -> Optional.of(Audience.PPV);
      case ACTIVE -> isGreen(member, today, rules) ? Optional.of(Audience.GREEN) : Optional.empty();
      case FROZEN, CANCELLED -> Optional.empty();
    };
  }

  /** Joined on day 0 through day {@code greenDays}, club-local; a future join date is not green. */
  public static boolean isGreen(Member member, LocalDate today, CampaignRules rules) {
    if (member.status() != MemberStatus.ACTIVE || member.joinedOn() == null) {
      return false;
    }
    long days = ChronoUnit.DAYS.between(member.joinedOn(), today);
    return days >= 0 && days <= rules.greenDays();
  }

  /**
   * Why no marketing text may go to this member today, whatever its words: the campaigns' guard,
   * which a one-off message shares ({@link OneOffMessagePolicy}).
   */
  static Optional<String> barredToday(
      Member member, MarketingHistory marketing, LocalDate today, ZoneId zone) {
    Optional<String> exclusion = exclusionOf(member);
    if (exclusion.isPresent()) {
      return exclusion;
    }
    return new History(marketing, zone).anySentOn(today)
        ? Optional.of(SKIP_SENT_TODAY)
        : Optional.empty();
  }

  /** Why marketing may not go to this member at all; STOP is checked first as the firmest. */
  private static Optional<String> exclusionOf(Member member) {
    if (member.smsOptedOut()) {
      return Optional.of(SKIP_OPTED_OUT);
    }
    if (!member.smsConsent()) {
      return Optional.of(SKIP_NO_CONSENT);
    }
    if (member.textablePhone().isEmpty()) {
      return Optional.of(SKIP_NO_PHONE);
    }
    if (member.isPastDue()) {
      return Optional.of(SKIP_HAS_BALANCE);
    }
    return Optional.empty();
  }

  private static Optional<Action> choose(
      Audience audience,
      Member member,
      History history,
      LocalDate today,
      CampaignRules rules,
      MessageComposer composer) {
    return switch (audience) {
      case PROSPECTS -> prospectOffer(member, history, today, composer);
      case GREEN -> greenWelcome(member, history, composer);
      case PPV -> ppvOffer(member, history, today, rules, composer);
    };
  }

  private static Optional<Action> prospectOffer(
      Member member, History history, LocalDate today, MessageComposer composer) {
    if (history.lastSentOn(MessageTemplates.PROSPECT_WELCOME).isEmpty()) {
      return Optional.of(
          action(
              member, MessageTemplates.PROSPECT_WELCOME, RULE_PROSPECT_WELCOME, history, composer));
    }
    boolean sentThisMonth =
        history
            .lastSentOn(MessageTemplates.MONTHLY_SPECIAL)
            .map(YearMonth::from)
            .filter(YearMonth.from(today)::equals)
            .isPresent();
    if (sentThisMonth) {
      return Optional.empty();
    }
    return Optional.of(
        action(member, MessageTemplates.MONTHLY_SPECIAL, RULE_PROSPECT_MONTHLY, history, composer));
  }

  private static Optional<Action> greenWelcome(
      Member member, History history, MessageComposer composer) {
    if (history.lastSentOn(MessageTemplates.GREEN_MEMBER_WELCOME).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        action(
            member, MessageTemplates.GREEN_MEMBER_WELCOME, RULE_GREEN_WELCOME, history, composer));
  }

  private static Optional<Action> ppvOffer(
      Member member,
      History history,
      LocalDate today,
      CampaignRules rules,
      MessageComposer composer) {
    boolean offeredRecently =
        history
            .lastSentOn(MessageTemplates.PPV_CONVERSION)
            .filter(last -> ChronoUnit.DAYS.between(last, today) < rules.ppvIntervalDays())
            .isPresent();
    if (offeredRecently) {
      return Optional.empty();
    }
    return Optional.of(
        action(member, MessageTemplates.PPV_CONVERSION, RULE_PPV_CONVERSION, history, composer));
  }

  private static Action action(
      Member member, String templateKey, String rule, History history, MessageComposer composer) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("status", member.status().name());
    inputs.put("joined_on", member.joinedOn() == null ? "unknown" : member.joinedOn().toString());
    inputs.put("template", templateKey);
    inputs.put("last_sent", history.lastSent(templateKey).map(Instant::toString).orElse("never"));
    return new Action(
        member.id(),
        new Effect.SendCampaign(templateKey, composer.marketing(member, templateKey).orElse(null)),
        rule,
        inputs);
  }

  /** A member's marketing history read in the club's zone. */
  private record History(MarketingHistory marketing, ZoneId zone) {
    Optional<Instant> lastSent(String templateKey) {
      return Optional.ofNullable(marketing.lastSentByTemplate().get(templateKey));
    }

    Optional<LocalDate> lastSentOn(String templateKey) {
      return lastSent(templateKey).map(sent -> LocalDate.ofInstant(sent, zone));
    }

    boolean anySentOn(LocalDate day) {
      return marketing.lastSentByTemplate().values().stream()
          .anyMatch(sent -> LocalDate.ofInstant(sent, zone).equals(day));
    }
  }
}
