package com.gymops.application.console;

import com.gymops.application.care.OutboxActions;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.ConsoleReads.OutboxView;
import com.gymops.application.port.store.RunPages;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Outbox page: due, deferred, failed, unknown-outcome and sent messages of the user's clubs,
 * each tab with its count.
 */
public final class OutboxQuery {
  /** Messages on one page of a view: a phone shows them in a few screens (docs/MANAGER.md). */
  public static final int PAGE_SIZE = 25;

  /**
   * Where the Outbox opens: the first of these tabs that holds a message. What needs a manager
   * (failed texts, texts whose fate is unknown) comes before what only waits.
   */
  private static final List<OutboxView> WORK_FIRST =
      List.of(
          OutboxView.FAILED,
          OutboxView.UNKNOWN,
          OutboxView.DUE,
          OutboxView.DEFERRED,
          OutboxView.SENT,
          OutboxView.LOGGED);

  private final GymOpsConfig config;
  private final ConsoleReads reads;
  private final RunPages names;
  private final Clock clock;

  public OutboxQuery(GymOpsConfig config, ConsoleReads reads, RunPages names, Clock clock) {
    this.config = config;
    this.reads = reads;
    this.names = names;
    this.clock = clock;
  }

  /** The tabs in the page's order, each with its count. */
  public List<OutboxTab> tabs(ConsoleUser user) {
    Map<OutboxView, Long> counts = reads.messageCounts(clubs(user), clock.instant());
    return java.util.Arrays.stream(OutboxView.values())
        .map(v -> new OutboxTab(code(v), label(v), counts.getOrDefault(v, 0L)))
        .toList();
  }

  /** The view to open on: where the work is (see {@link #WORK_FIRST}); "due" when all are empty. */
  public static String opening(List<OutboxTab> tabs) {
    for (OutboxView view : WORK_FIRST) {
      for (OutboxTab tab : tabs) {
        if (tab.view().equals(code(view)) && tab.count() > 0) {
          return tab.view();
        }
      }
    }
    return code(OutboxView.DUE);
  }

  private static String code(OutboxView view) {
    return view.name().toLowerCase(Locale.ROOT);
  }

  private static String label(OutboxView view) {
    return switch (view) {
      case DUE -> "Due now";
      case DEFERRED -> "Waiting";
      case FAILED -> "Failed";
      case UNKNOWN -> "Outcome unknown";
      case SENT -> "Sent";
      case LOGGED -> "Logged, not sent";
    };
  }

  private Set<ClubId> clubs(ConsoleUser user) {
    return config.clubs().stream()
        .map(c -> c.club().id())
        .filter(user::sees)
        .collect(Collectors.toSet());
  }

  /**
   * One page of the messages in one view, named as in the address.
   *
   * @param page from 1
   * @throws IllegalArgumentException when {@code viewName} is not a view of the outbox
   */
  public List<OutboxRow> messages(ConsoleUser user, String viewName, int page) {
    OutboxView view;
    try {
      view = OutboxView.valueOf(viewName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + viewName
              + "' is not a view of the outbox (use due, deferred, failed, unknown, sent or logged)",
          e);
    }
    Map<ClubId, ZoneId> zones =
        config.clubs().stream()
            .filter(c -> user.sees(c.club().id()))
            .collect(Collectors.toMap(c -> c.club().id(), c -> c.club().zone()));
    Set<ClubId> clubs = zones.keySet();
    Instant now = clock.instant();
    List<OutboundMessage> messages =
        reads.messages(clubs, view, now, (Math.max(page, 1) - 1) * PAGE_SIZE, PAGE_SIZE);
    Map<MemberId, String> named =
        names.names(
            messages.stream()
                .map(OutboundMessage::memberId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    return messages.stream()
        .map(
            m ->
                new OutboxRow(
                    m.id(),
                    m.memberId() == null ? "" : m.memberId().value(),
                    m.memberId() == null
                        ? "the manager"
                        : Optional.ofNullable(named.get(m.memberId()))
                            .map(n -> n + " (" + m.memberId().value() + ")")
                            .orElse(m.memberId().value()),
                    m.channel() == Channel.SMS ? "text" : "email",
                    m.recipient(),
                    m.purpose().name().toLowerCase(Locale.ROOT),
                    m.status().name().toLowerCase(Locale.ROOT),
                    ActionWords.state("done", m, zones.get(m.clubId()), now).text(),
                    m.body(),
                    m.error() == null ? "" : m.error(),
                    m.status() == MessageStatus.QUEUED,
                    m.status() == MessageStatus.FAILED
                        ? OutboxActions.whyNotRetried(m).orElse("")
                        : ""))
        .toList();
  }
}
