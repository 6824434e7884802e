package com.gymops.config;

import com.gymops.domain.ClubId;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code notifications} section and the managers' chat webhooks: what the manager is told
 * without asking, and where besides the phone or mailbox.
 *
 * @param dailySummaryAt the club-local time of the day's summary to the manager (18:00); null when
 *     {@code daily_summary_at: off}
 * @param chats per club, the Slack and Teams webhooks its manager's alerts and summary also go to
 *     ({@code manager.slack_webhook_url_env}, {@code manager.teams_webhook_url_env}); a club not
 *     listed has none
 */
public record NotificationSettings(LocalTime dailySummaryAt, Map<ClubId, List<ChatWebhook>> chats) {
  public static final NotificationSettings DEFAULTS = new NotificationSettings(LocalTime.of(18, 0));

  /** No daily summary. */
  public static final NotificationSettings OFF = new NotificationSettings(null);

  public NotificationSettings {
    chats =
        chats.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
  }

  /** No chat webhooks. */
  public NotificationSettings(LocalTime dailySummaryAt) {
    this(dailySummaryAt, Map.of());
  }

  public Optional<LocalTime> summaryTime() {
    return Optional.ofNullable(dailySummaryAt);
  }

  /** The same summary time with these chat webhooks. */
  public NotificationSettings withChats(Map<ClubId, List<ChatWebhook>> chats) {
    return new NotificationSettings(dailySummaryAt, chats);
  }

  /** The chat webhooks of {@code club}'s manager, matched without case; empty when none. */
  public List<ChatWebhook> chats(ClubId club) {
    return chats.entrySet().stream()
        .filter(entry -> entry.getKey().sameAs(club))
        .findFirst()
        .map(Map.Entry::getValue)
        .orElse(List.of());
  }
}
