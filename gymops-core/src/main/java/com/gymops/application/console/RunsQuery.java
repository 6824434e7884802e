package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.ConsoleReads.RunFilter;
import com.gymops.application.port.store.RunPages;
import com.gymops.application.run.RunHistory;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.MemberId;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Runs feed and one run's page, limited to the clubs the user sees. */
public final class RunsQuery {
  /** Actions on one page of a run: a phone shows them in a few screens (docs/MANAGER.md). */
  public static final int PAGE_SIZE = 50;

  /** Enough for the feed's hundred runs of several clubs; beyond it the oldest are dropped. */
  private static final int SUMMARIES_KEPT = 1_024;

  private final GymOpsConfig config;
  private final ConsoleReads reads;
  private final RunHistory history;
  private final RunPages pages;
  private final Clock clock;
  private final Map<String, String> summaries =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > SUMMARIES_KEPT;
            }
          });

  public RunsQuery(
      GymOpsConfig config, ConsoleReads reads, RunHistory history, RunPages pages, Clock clock) {
    this.config = config;
    this.reads = reads;
    this.history = history;
    this.pages = pages;
    this.clock = clock;
  }

  /** A workflow's id in words: {@code past-due-monitoring} is "Past-due monitoring". */
  public static String title(String workflowId) {
    String words = workflowId.replace("past-due", "past\u2011due").replace('-', ' ');
    return (Character.toUpperCase(words.charAt(0)) + words.substring(1)).replace('\u2011', '-');
  }

  /**
   * The latest runs matching the filter.
   *
   * @param workflow null for all; {@code status} and {@code member} likewise
   */
  public List<RunRow> runs(
      ConsoleUser user, WorkflowId workflow, RunStatus status, MemberId member, int limit) {
    Set<ClubId> clubs =
        config.clubs().stream()
            .map(c -> c.club().id())
            .filter(user::sees)
            .collect(Collectors.toSet());
    return reads.runs(new RunFilter(clubs, workflow, status, member, limit)).stream()
        .map(this::row)
        .toList();
  }

  /**
   * One page of the run, when it exists and belongs to a club the user sees; a page past the last
   * shows the last.
   *
   * @param page from 1
   */
  public Optional<RunThread> thread(ConsoleUser user, String runId, int page) {
    if (page < 1) {
      throw new IllegalArgumentException(
          "page " + page + " of a run does not exist (pages start at 1)");
    }
    Optional<WorkflowRun> found = pages.run(runId).filter(run -> user.sees(run.clubId()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    WorkflowRun run = found.get();
    ZoneId zone = zoneOf(run.clubId());
    Instant now = clock.instant();
    int count = pages.actionCount(runId);
    int last = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(page, last);
    List<RunEvent> events = pages.actions(runId, (shown - 1) * PAGE_SIZE, PAGE_SIZE);
    Set<MemberId> members =
        events.stream()
            .map(RunEvent::memberId)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<MemberId, String> names = pages.names(members);
    Map<MemberId, Deque<OutboundMessage>> texts = new HashMap<>();
    pages
        .messagesTo(runId, members)
        .forEach(m -> texts.computeIfAbsent(m.memberId(), k -> new ArrayDeque<>()).add(m));
    List<RunThread.Action> actions = new ArrayList<>(events.size());
    for (RunEvent event : events) {
      // A run's texts to a member follow its actions' order, so each sending action takes the
      // member's next text.
      OutboundMessage message =
          event.memberId() != null && SENDS.contains(event.action())
              ? Optional.ofNullable(texts.get(event.memberId())).map(Deque::poll).orElse(null)
              : null;
      String who =
          event.memberId() == null
              ? null
              : Optional.ofNullable(names.get(event.memberId()))
                  .map(name -> name + " (" + event.memberId().value() + ")")
                  .orElse(event.memberId().value());
      actions.add(ActionWords.of(event, who, message, zone, now));
    }
    List<RunThread.Message> manager =
        pages.messagesToManager(runId).stream()
            .map(
                m -> {
                  ActionWords.State state = ActionWords.state("done", m, zone, now);
                  return new RunThread.Message(
                      m.channel() == com.gymops.domain.Channel.SMS ? "text" : "email",
                      m.recipient(),
                      state.word(),
                      state.text(),
                      m.body());
                })
            .toList();
    return Optional.of(
        new RunThread(
            row(run),
            title(run.workflow().id()),
            run.error(),
            shown,
            last,
            count,
            actions,
            manager,
            TranscriptLines.of(history.transcript(runId)),
            "shadow".equals(run.modeUsed()) || "shadow".equals(run.mode())
                ? reads.report(runId).map(RunsQuery::shadow).orElse(null)
                : null));
  }

  /** The actions that queue a text or an email to their member. */
  private static final Set<String> SENDS =
      Set.of("send_reminder", "send_invoice", "send_campaign", "send_message");

  private RunRow row(WorkflowRun run) {
    return row(run, summary(run));
  }

  /**
   * A finished run's summary, read from its report and parsed once, then kept: a report never
   * changes once the run has finished, and on a large club it lists every member it concerned (half
   * a megabyte), so parsing each of the feed's hundred on every request cost most of it.
   */
  private String summary(WorkflowRun run) {
    if (run.finishedAt() == null) {
      return "";
    }
    String reportJson = run.reportJson();
    return summaries.computeIfAbsent(
        run.runId(),
        id ->
            (reportJson != null ? Optional.of(reportJson) : reads.report(id))
                .map(json -> Formats.summary(run.workflow(), json))
                .orElse(""));
  }

  private RunRow row(WorkflowRun run, String summary) {
    return new RunRow(
        run.runId(),
        run.workflow().id(),
        run.clubId().value(),
        run.status().name().toLowerCase(Locale.ROOT),
        run.modeUsed() != null ? run.modeUsed() : run.mode(),
        run.dryRun(),
        Formats.local(run.clockAt(), zoneOf(run.clubId())),
        summary);
  }

  private ZoneId zoneOf(ClubId club) {
    return config.clubs().stream()
        .map(ClubSettings::club)
        .filter(c -> c.id().equals(club))
        .findFirst()
        .map(c -> c.zone())
        .orElse(ZoneId.of("UTC"));
  }

  /** A shadow run's comparison in words, or null for other runs. */
  private static String shadow(String reportJson) {
    if (reportJson == null) {
      return null;
    }
    try {
      JsonNode shadow = Formats.JSON.readTree(reportJson).path("shadow");
      return shadow.isMissingNode() || shadow.isNull() ? null : shadow.toPrettyString();
    } catch (IOException e) {
      return null;
    }
  }
}
