package com.gymops.adapter.reports;

import com.gymops.application.port.ReportWriter;
import com.gymops.application.run.ManagerMessages;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Attachment;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes the report file as before and queues it to the club's manager as an email attachment (used
 * when an email provider is configured). The CSV travels inside the outbox row, so whichever node
 * dispatches can send it; the key makes one email per report and date, whatever reruns.
 */
public final class MailingReportWriter implements ReportWriter {
  private final CsvReportWriter files;
  private final GymOpsConfig config;
  private final ManagerMessages manager;
  private final Clock clock;

  public MailingReportWriter(
      CsvReportWriter files, GymOpsConfig config, ManagerMessages manager, Clock clock) {
    this.files = files;
    this.config = config;
    this.manager = manager;
    this.clock = clock;
  }

  @Override
  public String write(
      WorkflowId workflow, ClubId club, LocalDate date, List<Map<String, Object>> rows) {
    String written = files.write(workflow, club, date, rows);
    config
        .club(club)
        .ifPresent(
            settings -> mail(settings.club(), workflow, date, rows.size(), Path.of(written)));
    return written;
  }

  private void mail(Club club, WorkflowId workflow, LocalDate date, int rows, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report " + file + " to email it", e);
    }
    String what =
        workflow == WorkflowId.COLLECTIONS_REFERRAL
            ? "Collections referral list"
            : "Escalated collection cases";
    manager.mailReport(
        club,
        "report:" + workflow.id() + ":" + club.id() + ":" + date,
        "GymOps: " + what + " for " + club.name() + ", " + date,
        what
            + " for "
            + club.name()
            + " on "
            + date
            + ": "
            + rows
            + (rows == 1 ? " member" : " members")
            + ". The list is attached as "
            + file.getFileName()
            + ".",
        new Attachment(file.getFileName().toString(), text),
        clock.instant());
  }
}
