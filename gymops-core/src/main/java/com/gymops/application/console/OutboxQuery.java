package com.gymops.application.console;

import com.gymops.application.care.OutboxActions;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.ConsoleReads.OutboxView;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.MessageStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Outbox page: due, deferred, failed, unknown-outcome and sent messages of the user's clubs.
 */
public final class OutboxQuery {
  public static final int LIMIT = 200;

  private final GymOpsConfig config;
  private final ConsoleReads reads;
  private final Clock clock;

  public OutboxQuery(GymOpsConfig config, ConsoleReads reads, Clock clock) {
    this.config = config;
    this.reads = reads;
    this.clock = clock;
  }

  /**
   * The messages in one view, named as on the page.
   *
   * @throws IllegalArgumentException when {@code viewName} is not a view of the outbox
   */
  public List<OutboxRow> messages(ConsoleUser user, String viewName) {
    OutboxView view;
    try {
      view = OutboxView.valueOf(viewName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + viewName
              + "' is not a view of the outbox (use due, deferred, failed, unknown or sent)",
          e);
    }
    Map<ClubId, ZoneId> zones =
        config.clubs().stream()
            .filter(c -> user.sees(c.club().id()))
            .collect(Collectors.toMap(c -> c.club().id(), c -> c.club().zone()));
    Set<ClubId> clubs = zones.keySet();
    return reads.messages(clubs, view, clock.instant(), LIMIT).stream()
        .map(
            m ->
                new OutboxRow(
                    m.id(),
                    m.memberId() == null ? "manager" : m.memberId().value(),
                    m.channel().name().toLowerCase(Locale.ROOT),
                    m.recipient(),
                    m.purpose().name().toLowerCase(Locale.ROOT),
                    m.status().name().toLowerCase(Locale.ROOT),
                    Formats.local(m.notBefore(), zones.get(m.clubId())),
                    m.body(),
                    m.error() == null ? "" : m.error(),
                    m.status() == MessageStatus.QUEUED,
                    m.status() == MessageStatus.FAILED
                        ? OutboxActions.whyNotRetried(m).orElse("")
                        : ""))
        .toList();
  }
}
