package com.gymops.config;

import com.gymops.domain.Channel;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A chat channel that receives the manager's alerts and daily summary: a Slack or Microsoft Teams
 * incoming webhook (docs/INTEGRATIONS.md, "Chat webhooks"). The URL is a secret — whoever holds it
 * can post to the channel — so it comes only from the environment variable {@code env}, and
 * everything that prints a webhook prints {@link #redacted()}.
 *
 * @param channel {@link Channel#SLACK} or {@link Channel#TEAMS}
 * @param env the environment variable the URL was read from, e.g. {@code GYMOPS_SLACK_WEBHOOK_URL}
 * @param url the webhook's URL, secret path and query included
 */
public record ChatWebhook(Channel channel, String env, String url) {
  public static final String SLACK_ENV = "GYMOPS_SLACK_WEBHOOK_URL";
  public static final String TEAMS_ENV = "GYMOPS_TEAMS_WEBHOOK_URL";

  public ChatWebhook {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(url, "url");
    if (!channel.isChat()) {
      throw new IllegalArgumentException(channel + " is not a chat channel");
    }
  }

  /** {@code slack} or {@code teams}. */
  public String code() {
    return channel.code();
  }

  /** The URL as it may be printed: scheme, host and first path segment; the rest is {@code ***}. */
  public String redacted() {
    return redact(url);
  }

  /**
   * {@code https://hooks.slack.com/services/T000/B000/XXXX} becomes {@code
   * https://hooks.slack.com/services/***}; a query (a Workflows URL's {@code sig}) goes too. Text
   * that is no URL at all is not echoed.
   */
  public static String redact(String url) {
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return "(not a URL)";
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String[] segments = path.split("/", -1);
      String first = segments.length > 1 && !segments[1].isEmpty() ? "/" + segments[1] : "";
      // user:password@ in the authority would be a secret too
      String host =
          uri.getHost() == null
              ? "?"
              : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + first + "/***";
    } catch (IllegalArgumentException e) {
      return "(not a URL)";
    }
  }

  @Override
  public String toString() {
    return "ChatWebhook[" + code() + ", " + env + "=" + redacted() + "]";
  }
}
