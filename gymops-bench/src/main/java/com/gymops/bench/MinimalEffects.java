package com.gymops.bench;

import com.gymops.domain.ClubId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rules scenario's baseline (docs/BENCHMARKS.md): the least work the runs' effects need — one
 * query for the past-due members and one batched insert of as many outbox rows as the runs queued,
 * in one transaction, in plain JDBC. It writes no attempts, door changes, notes or run events, so
 * it is a floor, not a fair competitor.
 */
final class MinimalEffects {
  private static final String INSERT =
      "INSERT INTO outbound_message (idempotency_key, club_id, member_id, channel, recipient,"
          + " purpose, template_key, subject, body, segments, status, created_at, not_before,"
          + " run_id) VALUES (?, ?, ?, 'SMS', ?, 'REMINDER', 'reminder_friendly', NULL, ?, 1,"
          + " 'QUEUED', ?, ?, 'baseline') ON CONFLICT DO NOTHING";
  private static final int BATCH = 1000;

  private record Debtor(String memberId, String firstName, String phone, long cents) {}

  private MinimalEffects() {}

  /** Does the work on {@code dataSource}; returns how many outbox rows it inserted. */
  static int perform(DataSource dataSource, ClubId club, int outboxRows, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<Debtor> debtors = debtors(connection, club);
      int inserted = insert(connection, club, debtors, outboxRows, now);
      connection.commit();
      return inserted;
    } catch (SQLException e) {
      throw new IllegalStateException("baseline failed: " + e.getMessage(), e);
    }
  }

  private static List<Debtor> debtors(Connection connection, ClubId club) throws SQLException {
    List<Debtor> debtors = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT member_id, first_name, phone, past_due_cents FROM member"
                + " WHERE club_id = ? AND past_due_cents > 0")) {
      query.setString(1, club.value());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          debtors.add(
              new Debtor(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
        }
      }
    }
    return debtors;
  }

  private static int insert(
      Connection connection, ClubId club, List<Debtor> debtors, int rows, Instant now)
      throws SQLException {
    Timestamp at = Timestamp.from(now);
    int inserted = 0;
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < rows; i++) {
        Debtor debtor =
            debtors.isEmpty()
                ? new Debtor(null, "Member", "+12015550100", 100)
                : debtors.get(i % debtors.size());
        insert.setString(1, "baseline:" + club.value() + ":" + i);
        insert.setString(2, club.value());
        insert.setString(3, debtor.memberId());
        insert.setString(4, debtor.phone() == null ? "+12015550100" : debtor.phone());
        insert.setString(
            5,
            "Hi "
                + debtor.firstName()
                + ", your balance of $"
                + debtor.cents() / 100
                + "."
                + String.format("%02d", debtor.cents() % 100)
                + " is past due. Reply STOP to opt out.");
        insert.setTimestamp(6, at);
        insert.setTimestamp(7, at);
        insert.addBatch();
        if ((i + 1) % BATCH == 0 || i == rows - 1) {
          for (int count : insert.executeBatch()) {
            inserted += Math.max(count, 0);
          }
        }
      }
    }
    return inserted;
  }
}
