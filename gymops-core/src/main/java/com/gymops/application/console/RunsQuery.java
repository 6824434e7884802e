package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.ConsoleReads.RunFilter;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.run.RunHistory;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.MemberId;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Runs feed and one run's thread, limited to the clubs the user sees. */
public final class RunsQuery {
  private final GymOpsConfig config;
  private final ConsoleReads reads;
  private final RunHistory history;
  private final Outbox outbox;

  public RunsQuery(GymOpsConfig config, ConsoleReads reads, RunHistory history, Outbox outbox) {
    this.config = config;
    this.reads = reads;
    this.history = history;
    this.outbox = outbox;
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

  /** The run, when it exists and belongs to a club the user sees. */
  public Optional<RunThread> thread(ConsoleUser user, String runId) {
    Optional<WorkflowRun> found = history.find(runId).filter(run -> user.sees(run.clubId()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    WorkflowRun run = found.get();
    List<RunThread.Action> actions = history.events(runId).stream().map(RunsQuery::action).toList();
    List<RunThread.Message> messages =
        outbox.ofRun(runId).stream()
            .map(
                m ->
                    new RunThread.Message(
                        m.memberId() == null ? "manager" : m.memberId().value(),
                        m.channel().name().toLowerCase(Locale.ROOT),
                        m.recipient(),
                        m.status().name().toLowerCase(Locale.ROOT),
                        m.body(),
                        m.error()))
            .toList();
    return Optional.of(
        new RunThread(
            row(run),
            run.error(),
            actions,
            messages,
            TranscriptLines.of(history.transcript(runId)),
            shadow(run.reportJson())));
  }

  private RunRow row(WorkflowRun run) {
    return new RunRow(
        run.runId(),
        run.workflow().id(),
        run.clubId().value(),
        run.status().name().toLowerCase(Locale.ROOT),
        run.modeUsed() != null ? run.modeUsed() : run.mode(),
        run.dryRun(),
        Formats.local(run.clockAt(), zoneOf(run.clubId())),
        Formats.summary(run.workflow(), run.reportJson()));
  }

  private ZoneId zoneOf(ClubId club) {
    return config.clubs().stream()
        .map(ClubSettings::club)
        .filter(c -> c.id().equals(club))
        .findFirst()
        .map(c -> c.zone())
        .orElse(ZoneId.of("UTC"));
  }

  private static RunThread.Action action(RunEvent event) {
    return new RunThread.Action(
        event.seq(),
        event.memberId() == null ? "" : event.memberId().value(),
        event.action(),
        event.detail() == null ? "" : event.detail(),
        event.rule(),
        event.inputsJson() == null ? "" : event.inputsJson(),
        event.outcome());
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
