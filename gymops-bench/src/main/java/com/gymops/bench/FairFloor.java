package com.gymops.bench;

import com.gymops.domain.ClubId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rules scenario's fair floor (issue 14): the rows the runs wrote, table by table (outbox,
 * attempts, notes, door changes and the members' door states, runs and run events), written as
 * cheaply as plain JDBC can: one read of the members in scope (past due or locked, as the two
 * policies read them), then one batched insert per table, in one transaction. {@link
 * MinimalEffects} is the old baseline, kept beside it: it writes the outbox rows only.
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

  private record Member(String id, String firstName, String phone, long cents) {}

  private FairFloor() {}

  static void perform(DataSource dataSource, ClubId club, Rows rows, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<Member> members = inScope(connection, club);
      if (members.isEmpty()) {
        members = List.of(new Member(null, "Member", "+12015550100", 100));
      }
      Timestamp at = Timestamp.from(now);
      outbox(connection, club, members, rows.outbox(), at);
      attempts(connection, club, members, rows.attempts(), at);
      notes(connection, club, members, rows.notes(), at);
      doors(connection, club, members, rows.doorChanges(), at);
      runs(connection, club, members, rows.runs(), rows.events(), at);
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("fair floor failed: " + e.getMessage(), e);
    }
  }

  private static List<Member> inScope(Connection connection, ClubId club) throws SQLException {
    List<Member> members = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT member_id, first_name, phone, past_due_cents FROM member WHERE club_id = ?"
                + " AND (past_due_cents > 0 OR door_state = 'LOCKED')")) {
      query.setString(1, club.value());
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          members.add(
              new Member(
                  found.getString(1), found.getString(2), found.getString(3), found.getLong(4)));
        }
      }
    }
    return members;
  }

  private interface Row {
    void bind(PreparedStatement statement, long i, Member member) throws SQLException;
  }

  private static void batch(
      Connection connection, String sql, List<Member> members, long count, Row row)
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
    List<Member> runIds = new ArrayList<>();
    for (long r = 0; r < Math.max(1, runs); r++) {
      runIds.add(new Member("floor-" + club.value() + "-" + r, null, null, 0));
    }
    batch(
        connection,
        "INSERT INTO workflow_run (run_id, workflow, club_id, mode, mode_used, dry_run, status,"
            + " clock_at, started_at, finished_at, report_json) VALUES (?, 'past-due-monitoring',"
            + " ?, 'rules', 'rules', FALSE, 'SUCCEEDED', ?, ?, ?, '{}')",
        runIds,
        runIds.size(),
        (statement, i, run) -> {
          statement.setString(1, run.id());
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
          statement.setString(1, runIds.get(0).id());
          statement.setLong(2, i + 1);
          statement.setString(3, member.id());
        });
  }
}
