package com.gymops.bench;

import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rules scenario's fair floor (docs/BENCHMARKS.md): what the two runs must read and the rows
 * they wrote, done as cheaply as plain JDBC can, in one transaction. It reads once what the two
 * policies read (docs/BENCHMARKS.md, "the fair floor"): the members in scope (past due or locked),
 * with every column door-access and past-due-monitoring use, and the attempt history of the members
 * who owe since the earlier of a year and a month ago and the start of the oldest delinquency, as
 * the run's snapshot reads it; then it writes the same rows, table by table (outbox, attempts,
 * notes, door changes and the members' door states, runs and run events), one batched insert per
 * table. It does no planning, no idempotency checks, no report and reads the members once where the
 * run reads them once per workflow, so it is a floor, but one that reads and writes what a correct
 * run must. {@link MinimalEffects} is the old baseline, kept beside it: it writes the outbox rows
 * only.
 */
final class FairFloor {
  private static final int BATCH = 1000;

  /** How many rows each table gained: what a run wrote, and what the floor writes. */
  record Rows(long outbox, long attempts, long notes, long doorChanges, long runs, long events) {
    static Rows count(DataSource dataSource) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        return new Rows(
            count(statement, "outbound_message"),
            count(statement, "collection_attempt"),
            count(statement, "member_note"),
            count(statement, "door_change"),
            count(statement, "workflow_run"),
            count(statement, "run_event"));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot count rows: " + e.getMessage(), e);
      }
    }

    Rows plus(Rows other) {
      return new Rows(
          outbox + other.outbox,
          attempts + other.attempts,
          notes + other.notes,
          doorChanges + other.doorChanges,
          runs + other.runs,
          events + other.events);
    }

    Rows minus(Rows before) {
      return new Rows(
          outbox - before.outbox,
          attempts - before.attempts,
          notes - before.notes,
          doorChanges - before.doorChanges,
          runs - before.runs,
          events - before.events);
    }

    private static long count(Statement statement, String table) throws SQLException {
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** How many member rows and attempt rows the floor read. */
  record Reads(long members, long attempts) {}

  /**
   * Every column of a member in scope that door-access or past-due-monitoring reads (status,
   * joined_on and sms_consent are the campaigns' alone).
   */
  private record Member(
      String id,
      String firstName,
      String lastName,
      String phone,
      String email,
      long cents,
      String pastDueSince,
      boolean smsOptedOut,
      boolean phoneUnusable,
      String doorState,
      String lockReason,
      String state) {}

  /** An attempt of the history, as the policies count them. */
  private record Attempt(
      String memberId, String attemptedAt, String kind, String channel, String outcome) {}

  /** The history a collections run keeps in view: a year and a month (the run's snapshot's). */
  static final Duration HISTORY = Duration.ofDays(400);

  private static final String MEMBER_COLUMNS =
      "member_id, first_name, last_name, phone, email, past_due_cents, past_due_since,"
          + " sms_opted_out, phone_unusable, door_state, lock_reason, state";

  private static final DateTimeFormatter SQLITE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private FairFloor() {}

  static Reads perform(DataSource dataSource, Club club, Rows rows, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<Member> members = inScope(connection, club.id());
      List<Attempt> history = history(connection, club, members, now);
      Reads reads = new Reads(members.size(), history.size());
      if (members.isEmpty()) {
        members =
            List.of(
                new Member(
                    null,
                    "Member",
                    "",
                    "+12015550100",
                    null,
                    100,
                    null,
                    false,
                    false,
                    "ACTIVE",
                    null,
                    null));
      }
      Timestamp at = Timestamp.from(now);
      outbox(connection, club.id(), members, rows.outbox(), at);
      attempts(connection, club.id(), members, rows.attempts(), at);
      notes(connection, club.id(), members, rows.notes(), at);
      doors(connection, club.id(), members, rows.doorChanges(), at);
      runs(connection, club.id(), members, rows.runs(), rows.events(), at);
      connection.commit();
      return reads;
    } catch (SQLException e) {
      throw new IllegalStateException("fair floor failed: " + e.getMessage(), e);
    }
  }

  /**
   * The members in scope by the two index ranges the run reads too (a single OR would walk the
   * whole club on both stores): those who owe, and those locked who owe nothing.
   */
  private static List<Member> inScope(Connection connection, ClubId club) throws SQLException {
    List<Member> members = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + MEMBER_COLUMNS
                + " FROM member WHERE club_id = ? AND past_due_cents > 0 UNION ALL SELECT "
                + MEMBER_COLUMNS
                + " FROM member WHERE club_id = ? AND door_state = 'LOCKED'"
                + " AND past_due_cents = 0")) {
      query.setString(1, club.value());
      query.setString(2, club.value());
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          members.add(
              new Member(
                  found.getString(1),
                  found.getString(2),
                  found.getString(3),
                  found.getString(4),
                  found.getString(5),
                  found.getLong(6),
                  found.getString(7),
                  found.getBoolean(8),
                  found.getBoolean(9),
                  found.getString(10),
                  found.getString(11),
                  found.getString(12)));
        }
      }
    }
    return members;
  }

  /**
   * The attempts of the members who owe since the earlier of {@link #HISTORY} ago and the start of
   * the oldest delinquency among them: the rows past-due-monitoring's snapshot reads, by the same
   * index, kept as read (the run also turns them into instants and orders them per member).
   */
  private static List<Attempt> history(
      Connection connection, Club club, List<Member> members, Instant now) throws SQLException {
    Instant since = now.minus(HISTORY);
    for (Member member : members) {
      if (member.cents() > 0 && member.pastDueSince() != null) {
        Instant start =
            LocalDate.parse(member.pastDueSince()).atStartOfDay(club.zone()).toInstant();
        if (start.isBefore(since)) {
          since = start;
        }
      }
    }
    List<Attempt> history = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT a.member_id, a.attempted_at, a.kind, a.channel, a.outcome"
                + " FROM collection_attempt a JOIN member m ON m.member_id = a.member_id"
                + " WHERE m.club_id = ? AND m.past_due_cents > 0 AND a.attempted_at >= ?")) {
      query.setString(1, club.id().value());
      if (connection.getMetaData().getDatabaseProductName().equals("SQLite")) {
        // SQLite holds instants as fixed-width ISO-8601 text, which orders as time does.
        query.setString(2, SQLITE_INSTANT.format(since));
      } else {
        query.setTimestamp(2, Timestamp.from(since));
      }
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          history.add(
              new Attempt(
                  found.getString(1),
                  found.getString(2),
                  found.getString(3),
                  found.getString(4),
                  found.getString(5)));
        }
      }
    }
    return history;
  }

  private interface Row<T> {
    void bind(PreparedStatement statement, long i, T item) throws SQLException;
  }

  private static <T> void batch(
      Connection connection, String sql, List<T> members, long count, Row<T> row)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (long i = 0; i < count; i++) {
        row.bind(statement, i, members.get((int) (i % members.size())));
        statement.addBatch();
        if ((i + 1) % BATCH == 0 || i == count - 1) {
          statement.executeBatch();
        }
      }
    }
  }

  private static void outbox(
      Connection connection, ClubId club, List<Member> members, long count, Timestamp at)
      throws SQLException {
    batch(
        connection,
        "INSERT INTO outbound_message (idempotency_key, club_id, member_id, channel, recipient,"
            + " purpose, template_key, subject, body, segments, status, created_at, not_before,"
            + " run_id) VALUES (?, ?, ?, 'SMS', ?, 'REMINDER', 'reminder_friendly', NULL, ?, 1,"
            + " 'QUEUED', ?, ?, 'floor')",
        members,
        count,
        (statement, i, member) -> {
          statement.setString(1, "floor:" + club.value() + ":outbox:" + i);
          statement.setString(2, club.value());
          statement.setString(3, member.id());
          statement.setString(4, member.phone() == null ? "+12015550100" : member.phone());
          statement.setString(
              5,
              "Hi "
                  + member.firstName()
                  + ", your balance of $"
                  + member.cents() / 100
                  + "."
                  + String.format("%02d", member.cents() % 100)
                  + " is past due. Reply STOP to opt out.");
          statement.setTimestamp(6, at);
          statement.setTimestamp(7, at);
        });
  }

  private static void attempts(
      Connection connection, ClubId club, List<Member> members, long count, Timestamp at)
      throws SQLException {
    batch(
        connection,
        "INSERT INTO collection_attempt (member_id, attempted_at, kind, channel, outcome, run_id,"
            + " idempotency_key) VALUES (?, ?, 'FRIENDLY', 'SMS', 'SENT', 'floor', ?)",
        members,
        count,
        (statement, i, member) -> {
          statement.setString(1, member.id());
          statement.setTimestamp(2, at);
          statement.setString(3, "floor:" + club.value() + ":attempt:" + i);
        });
  }

  private static void notes(
      Connection connection, ClubId club, List<Member> members, long count, Timestamp at)
      throws SQLException {
    batch(
        connection,
        "INSERT INTO member_note (member_id, created_at, priority, category, note_text, author,"
            + " run_id, idempotency_key) VALUES (?, ?, 'URGENT', 'BILLING', 'Access locked - Past"
            + " due', 'GymOps', 'floor', ?)",
        members,
        count,
        (statement, i, member) -> {
          statement.setString(1, member.id());
          statement.setTimestamp(2, at);
          statement.setString(3, "floor:" + club.value() + ":note:" + i);
        });
  }

  /** A door change is a row in door_change and the member's new state. */
  private static void doors(
      Connection connection, ClubId club, List<Member> members, long count, Timestamp at)
      throws SQLException {
    batch(
        connection,
        "INSERT INTO door_change (member_id, changed_at, new_state, lock_reason, run_id,"
            + " idempotency_key) VALUES (?, ?, 'LOCKED', 'PAYMENT', 'floor', ?)",
        members,
        count,
        (statement, i, member) -> {
          statement.setString(1, member.id());
          statement.setTimestamp(2, at);
          statement.setString(3, "floor:" + club.value() + ":door:" + i);
        });
    batch(
        connection,
        "UPDATE member SET door_state = 'LOCKED', lock_reason = 'PAYMENT' WHERE member_id = ?",
        members,
        count,
        (statement, i, member) -> statement.setString(1, member.id()));
  }

  private static void runs(
      Connection connection,
      ClubId club,
      List<Member> members,
      long runs,
      long events,
      Timestamp at)
      throws SQLException {
    List<String> runIds = new ArrayList<>();
    for (long r = 0; r < Math.max(1, runs); r++) {
      runIds.add("floor-" + club.value() + "-" + r);
    }
    batch(
        connection,
        "INSERT INTO workflow_run (run_id, workflow, club_id, mode, mode_used, dry_run, status,"
            + " clock_at, started_at, finished_at, report_json) VALUES (?, 'past-due-monitoring',"
            + " ?, 'rules', 'rules', FALSE, 'SUCCEEDED', ?, ?, ?, '{}')",
        runIds,
        runIds.size(),
        (statement, i, run) -> {
          statement.setString(1, run);
          statement.setString(2, club.value());
          statement.setTimestamp(3, at);
          statement.setTimestamp(4, at);
          statement.setTimestamp(5, at);
        });
    batch(
        connection,
        "INSERT INTO run_event (run_id, seq, member_id, action, detail, rule, inputs_json,"
            + " outcome) VALUES (?, ?, ?, 'send_reminder', 'friendly', 'reminder.friendly',"
            + " '{\"amount\":\"30.00\"}', 'done')",
        members,
        events,
        (statement, i, member) -> {
          statement.setString(1, runIds.get(0));
          statement.setLong(2, i + 1);
          statement.setString(3, member.id());
        });
  }
}
