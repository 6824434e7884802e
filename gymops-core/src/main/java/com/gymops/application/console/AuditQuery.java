package com.gymops.application.console;

import com.gymops.application.port.store.AuditLog;
import com.gymops.domain.AuditEntry;
import com.gymops.domain.ConsoleUser;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Audit page, for owners: every action with who, when, what and before/after. */
public final class AuditQuery {
  public static final int LIMIT = 300;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final AuditLog log;

  public AuditQuery(AuditLog log) {
    this.log = log;
  }

  public List<AuditRow> latest(ConsoleUser user) {
    if (!user.role().managesUsers()) {
      throw new ConsoleDenied("only owners see the audit log");
    }
    return log.latest(LIMIT).stream().map(AuditQuery::row).toList();
  }

  private static AuditRow row(AuditEntry entry) {
    return new AuditRow(
        UTC.format(entry.at()),
        entry.actor(),
        entry.clubId() == null ? "" : entry.clubId().value(),
        entry.action(),
        entry.target(),
        orEmpty(entry.before()),
        orEmpty(entry.after()),
        orEmpty(entry.reason()));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
