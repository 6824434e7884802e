package com.gymops.adapter.chat;

import com.gymops.adapter.Sleeper;
import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.SendResult;
import com.gymops.config.ChatWebhook;
import com.gymops.config.NotificationSettings;
import com.gymops.domain.Channel;
import com.gymops.domain.OutboundMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Posts the manager's alerts and summaries to a Slack or Teams incoming webhook
 * (docs/INTEGRATIONS.md, "Chat webhooks"). The URL is looked up by the message's club in {@link
 * NotificationSettings}, so the outbox row never holds it; every error says which webhook by its
 * redacted URL only.
 *
 * <p>Answers: 2xx is accepted (Slack answers 200 {@code ok}; a Teams incoming webhook 200 {@code
 * 1}, a Workflows webhook 202). 429 and 5xx are tried again here, up to {@link #TRIES} times,
 * waiting the {@code Retry-After} through the {@link Sleeper} when it is short ({@link
 * #LONGEST_WAIT_HERE}); a longer wait, or the last refusal, goes back to the dispatcher as a retry
 * with that wait, which defers the row on the clock. Any other 4xx fails the post with the chat's
 * own error (Slack's {@code invalid_payload}, {@code no_text}, {@code channel_is_archived}, {@code
 * no_service} ...), and a 404/403/410 says the URL is wrong or the webhook was removed. No answer
 * after the request left is "outcome unknown", as for texts: the post is not repeated blindly.
 * Thread-safe.
 */
public final class ChatWebhookGateway implements MessageGateway {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Tries per dispatch, the first included. */
  static final int TRIES = 3;

  /** A Retry-After up to this is waited here; a longer one is left to the outbox. */
  static final Duration LONGEST_WAIT_HERE = Duration.ofSeconds(10);

  /** The wait before another try when a 5xx or 429 names none. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

  /** At most this much of a chat's error body is kept with the message. */
  static final int ERROR_CHARS = 200;

  private final Channel channel;
  private final NotificationSettings notifications;
  private final Sleeper sleeper;
  private final HttpClient http;
  private final Duration requestTimeout;

  public ChatWebhookGateway(Channel channel, NotificationSettings notifications, Sleeper sleeper) {
    this(channel, notifications, sleeper, REQUEST_TIMEOUT);
  }

  ChatWebhookGateway(
      Channel channel,
      NotificationSettings notifications,
      Sleeper sleeper,
      Duration requestTimeout) {
    if (!channel.isChat()) {
      throw new IllegalArgumentException(channel + " is not a chat channel");
    }
    this.channel = channel;
    this.notifications = notifications;
    this.sleeper = sleeper;
    this.requestTimeout = requestTimeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public SendResult send(OutboundMessage message) {
    Optional<ChatWebhook> webhook =
        notifications.chats(message.clubId()).stream()
            .filter(chat -> chat.channel() == channel)
            .findFirst();
    if (webhook.isEmpty()) {
      return SendResult.rejected(
          "no "
              + channel.code()
              + " webhook is configured for club "
              + message.clubId()
              + " any more (manager."
              + channel.code()
              + "_webhook_url_env)");
    }
    String payload = ChatPayloads.of(channel, message);
    SendResult result = null;
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      result = post(webhook.get(), payload);
      if (result.status() != SendResult.Status.RETRY || attempt == TRIES) {
        return result;
      }
      Duration wait = result.retryAfter() != null ? result.retryAfter() : DEFAULT_WAIT;
      if (wait.compareTo(LONGEST_WAIT_HERE) > 0) {
        return result;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result;
      }
    }
    return result;
  }

  @Override
  public String sender() {
    return channel.code() + " webhook";
  }

  private SendResult post(ChatWebhook webhook, String payload) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webhook.url()))
            .timeout(requestTimeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      return SendResult.retry(where(webhook) + " cannot be reached: " + describe(e, webhook));
    } catch (IOException e) {
      return SendResult.unknown(where(webhook) + " did not answer: " + describe(e, webhook));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.unknown("interrupted while waiting for " + where(webhook));
    }
    return interpret(webhook, response);
  }

  private SendResult interpret(ChatWebhook webhook, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return SendResult.accepted(null);
    }
    String error = where(webhook) + " answered " + status + " " + body(response.body(), webhook);
    if (status == 429) {
      return SendResult.retryAfter(error, retryAfter(response).orElse(null));
    }
    if (status >= 500) {
      return SendResult.retryAfter(error, retryAfter(response).orElse(null));
    }
    if (status == 401 || status == 403 || status == 404 || status == 410) {
      return SendResult.rejected(
          error
              + " (the webhook URL in "
              + webhook.env()
              + " is wrong, or the webhook or its channel was removed or archived)");
    }
    return SendResult.rejected(error);
  }

  private String where(ChatWebhook webhook) {
    return channel.code() + " webhook " + webhook.redacted();
  }

  /** The chat's error text, one line, short, and never the URL itself. */
  private static String body(String body, ChatWebhook webhook) {
    String text = scrub(body == null ? "" : body.strip(), webhook).replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "(no body)";
    }
    return text.length() > ERROR_CHARS ? text.substring(0, ERROR_CHARS - 3) + "..." : text;
  }

  private static String describe(Exception e, ChatWebhook webhook) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return scrub(message, webhook);
  }

  /** Takes the webhook's secret path out of text a library or server wrote. */
  static String scrub(String text, ChatWebhook webhook) {
    URI uri = URI.create(webhook.url());
    String scrubbed = text.replace(webhook.url(), webhook.redacted());
    String path = uri.getRawPath();
    if (path != null && path.length() > 1) {
      scrubbed = scrubbed.replace(path, "/***");
    }
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      scrubbed = scrubbed.replace(query, "***");
    }
    return scrubbed;
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  @Override
  public String toString() {
    return "ChatWebhookGateway[" + channel.name().toLowerCase(Locale.ROOT) + "]";
  }
}
