package com.gymops.adapter.persistence;

import com.gymops.application.port.store.Outbox;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessageStatus;
import com.gymops.domain.OutboundMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/** The outbox in the {@code outbound_message} table. */
final class JdbiOutbox implements Outbox {
  static final String COLUMNS =
      "id, idempotency_key, club_id, member_id, channel, recipient, purpose, template_key,"
          + " subject, body, segments, status, created_at, not_before, sent_at, error, run_id,"
          + " attachment_name, attachment_text";
  private static final int MAX_ERROR = 1000;

  private static final String INSERT =
      "INSERT INTO outbound_message (idempotency_key, club_id, member_id, channel, recipient,"
          + " purpose, template_key, subject, body, segments, status, created_at, not_before,"
          + " run_id, attachment_name, attachment_text) VALUES (:key, :club, :member, :channel,"
          + " :recipient, :purpose, :template, :subject, :body, :segments, 'QUEUED', :created_at,"
          + " :not_before, :run_id, :attachment_name, :attachment_text) ON CONFLICT DO NOTHING";

  /** {@link #INSERT} by position, for {@link #enqueueAll}: the columns in the same order. */
  private static final String INSERT_POSITIONAL =
      "INSERT INTO outbound_message (idempotency_key, club_id, member_id, channel, recipient,"
          + " purpose, template_key, subject, body, segments, status, created_at, not_before,"
          + " run_id, attachment_name, attachment_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " 'QUEUED', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private final Jdbi jdbi;
  private final Queries queries;

  JdbiOutbox(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  /**
   * The id comes from a lookup by key rather than the driver's generated keys: SQLite's driver
   * reports the last rowid even when {@code ON CONFLICT DO NOTHING} inserted nothing.
   */
  @Override
  public Optional<Long> enqueue(OutboundMessage message) {
    return jdbi.inTransaction(
        handle -> {
          int inserted = bind(handle.createUpdate(INSERT), message).execute();
          if (inserted == 0) {
            return Optional.<Long>empty();
          }
          return handle
              .createQuery("SELECT id FROM outbound_message WHERE idempotency_key = :key")
              .bind("key", message.idempotencyKey())
              .mapTo(Long.class)
              .findOne();
        });
  }

  @Override
  public boolean[] enqueueAll(List<OutboundMessage> messages) {
    if (messages.isEmpty()) {
      return new boolean[0];
    }
    return jdbi.inTransaction(
        handle -> {
          try (PositionalBatch batch = PositionalBatch.prepare(handle, INSERT_POSITIONAL)) {
            for (OutboundMessage message : messages) {
              batch
                  .text(message.idempotencyKey())
                  .text(message.clubId().value())
                  .text(message.memberId() == null ? null : message.memberId().value())
                  .text(message.channel().name())
                  .text(message.recipient())
                  .text(message.purpose().name())
                  .text(message.templateKey())
                  .text(message.subject())
                  .text(message.body())
                  .integer(message.segments())
                  .instant(message.createdAt())
                  .instant(message.notBefore())
                  .text(message.runId())
                  .text(message.attachment() == null ? null : message.attachment().fileName())
                  .text(message.attachment() == null ? null : message.attachment().text())
                  .add();
            }
            return Batches.inserted(batch.execute(), "outbound_message");
          }
        });
  }

  private static <S extends SqlStatement<S>> S bind(S statement, OutboundMessage message) {
    return statement
        .bind("key", message.idempotencyKey())
        .bind("club", message.clubId().value())
        .bind("member", message.memberId() == null ? null : message.memberId().value())
        .bind("channel", message.channel().name())
        .bind("recipient", message.recipient())
        .bind("purpose", message.purpose().name())
        .bind("template", message.templateKey())
        .bind("subject", message.subject())
        .bind("body", message.body())
        .bind("segments", message.segments())
        .bind("created_at", message.createdAt())
        .bind("not_before", message.notBefore())
        .bind("run_id", message.runId())
        .bind(
            "attachment_name",
            message.attachment() == null ? null : message.attachment().fileName())
        .bind("attachment_text", message.attachment() == null ? null : message.attachment().text());
  }

  @Override
  public Optional<OutboundMessage> find(long id) {
    return queries.findOne(
        OutboundMessage.class, "SELECT " + COLUMNS + " FROM outbound_message WHERE id = ?", id);
  }

  @Override
  public Optional<OutboundMessage> findByKey(String idempotencyKey) {
    return queries.findOne(
        OutboundMessage.class,
        "SELECT " + COLUMNS + " FROM outbound_message WHERE idempotency_key = ?",
        idempotencyKey);
  }

  @Override
  public List<OutboundMessage> due(Instant now, int limit) {
    return queries.list(
        OutboundMessage.class,
        "SELECT "
            + COLUMNS
            + " FROM outbound_message WHERE status = 'QUEUED' AND not_before <= ?"
            + " ORDER BY not_before, id LIMIT ?",
        now,
        limit);
  }

  @Override
  public Optional<OutboundMessage> findByProviderId(String providerId) {
    return queries.findFirst(
        OutboundMessage.class,
        "SELECT " + COLUMNS + " FROM outbound_message WHERE provider_id = ?",
        providerId);
  }

  @Override
  public boolean recordDelivery(long id, MessageStatus status, String error) {
    if (status != MessageStatus.DELIVERED && status != MessageStatus.FAILED) {
      throw new IllegalArgumentException("a delivery ends DELIVERED or FAILED, not " + status);
    }
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE outbound_message SET status = :status, error = :error"
                            + " WHERE id = :id AND status = 'SENT'")
                    .bind("status", status.name())
                    .bind(
                        "error",
                        error == null || error.length() <= MAX_ERROR
                            ? error
                            : error.substring(0, MAX_ERROR))
                    .bind("id", id)
                    .execute())
        == 1;
  }

  @Override
  public boolean claim(long id, Instant at) {
    return update(
            "UPDATE outbound_message SET status = 'SENDING', claimed_at = :at"
                + " WHERE id = :id AND status = 'QUEUED'",
            id,
            at,
            null)
        == 1;
  }

  @Override
  public void markSent(long id, Instant at) {
    update(
        "UPDATE outbound_message SET status = 'SENT', sent_at = :at WHERE id = :id", id, at, null);
  }

  @Override
  public void markSent(long id, Instant at, String providerId) {
    markTaken(id, at, providerId, MessageStatus.SENT);
  }

  @Override
  public void markLogged(long id, Instant at, String providerId) {
    markTaken(id, at, providerId, MessageStatus.LOGGED);
  }

  private void markTaken(long id, Instant at, String providerId, MessageStatus status) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE outbound_message SET status = :status, sent_at = :at,"
                        + " provider_id = :provider_id WHERE id = :id")
                .bind("status", status.name())
                .bind("at", at)
                .bind("provider_id", providerId)
                .bind("id", id)
                .execute());
  }

  @Override
  public int countRetry(long id, String error) {
    update(
        "UPDATE outbound_message SET send_attempts = send_attempts + 1, error = :error"
            + " WHERE id = :id",
        id,
        null,
        error);
    return (int) queries.count("SELECT send_attempts FROM outbound_message WHERE id = ?", id);
  }

  @Override
  public List<OutboundMessage> failStuckSending(Instant claimedBefore, Instant at, String error) {
    List<OutboundMessage> stuck =
        queries.list(
            OutboundMessage.class,
            "SELECT "
                + COLUMNS
                + " FROM outbound_message WHERE status = 'SENDING'"
                + " AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY id",
            claimedBefore);
    // Conditional per row: a message another node has just finished stays as it finished.
    return stuck.stream()
        .filter(
            message ->
                update(
                        "UPDATE outbound_message SET status = 'FAILED', sent_at = :at,"
                            + " error = :error WHERE id = :id AND status = 'SENDING'",
                        message.id(),
                        at,
                        error)
                    == 1)
        .toList();
  }

  @Override
  public void markFailed(long id, Instant at, String error) {
    update(
        "UPDATE outbound_message SET status = 'FAILED', sent_at = :at, error = :error WHERE id = :id",
        id,
        at,
        error);
  }

  @Override
  public void markSuppressed(long id, Instant at, String reason) {
    update(
        "UPDATE outbound_message SET status = 'SUPPRESSED', sent_at = :at, error = :error"
            + " WHERE id = :id",
        id,
        at,
        reason);
  }

  @Override
  public boolean cancelQueued(long id, Instant at, String reason) {
    return update(
            "UPDATE outbound_message SET status = 'SUPPRESSED', sent_at = :at, error = :error"
                + " WHERE id = :id AND status = 'QUEUED'",
            id,
            at,
            reason)
        == 1;
  }

  @Override
  public boolean requeueFailed(long id, Instant notBefore) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE outbound_message SET status = 'QUEUED', not_before = :at,"
                            + " error = NULL, sent_at = NULL, claimed_at = NULL, send_attempts = 0"
                            + " WHERE id = :id AND status = 'FAILED' AND error IS NOT NULL"
                            + " AND error NOT LIKE :unknown")
                    .bind("id", id)
                    .bind("at", notBefore)
                    .bind("unknown", OUTCOME_UNKNOWN + "%")
                    .execute())
        == 1;
  }

  @Override
  public void defer(long id, Instant notBefore) {
    update(
        "UPDATE outbound_message SET status = 'QUEUED', not_before = :at WHERE id = :id",
        id,
        notBefore,
        null);
  }

  private int update(String sql, long id, Instant at, String error) {
    return jdbi.withHandle(
        handle -> {
          var update = handle.createUpdate(sql).bind("id", id);
          if (sql.contains(":at")) {
            update.bind("at", at);
          }
          if (sql.contains(":error")) {
            update.bind(
                "error",
                error == null || error.length() <= MAX_ERROR
                    ? error
                    : error.substring(0, MAX_ERROR));
          }
          return update.execute();
        });
  }

  @Override
  public Map<MemberId, Map<String, Instant>> marketingHistory(ClubId club) {
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, Map<String, Instant>> history = new HashMap<>();
          handle
              .createQuery(
                  "SELECT member_id, template_key, MAX(created_at) AS last_sent"
                      + " FROM outbound_message WHERE club_id = :club AND purpose = 'MARKETING'"
                      + " AND member_id IS NOT NULL AND status <> 'SUPPRESSED'"
                      + " GROUP BY member_id, template_key")
              .bind("club", club.value())
              .map(
                  (rs, context) -> {
                    history
                        .computeIfAbsent(
                            new MemberId(rs.getString("member_id")), id -> new HashMap<>())
                        .put(rs.getString("template_key"), Columns.instant(rs, "last_sent"));
                    return 0;
                  })
              .forEach(ignored -> {});
          return history;
        });
  }

  @Override
  public Map<MemberId, Instant> lastOfTemplate(ClubId club, String templateKey) {
    return jdbi.withHandle(
        handle ->
            lastSent(
                handle
                    .createQuery(
                        "SELECT member_id, MAX(created_at) AS last_sent FROM outbound_message"
                            + " WHERE club_id = :club AND template_key = :template"
                            + " AND member_id IS NOT NULL AND status <> 'SUPPRESSED'"
                            + " GROUP BY member_id")
                    .bind("club", club.value())
                    .bind("template", templateKey)));
  }

  @Override
  public Map<MemberId, Instant> lastOfTemplateOf(Collection<MemberId> members, String templateKey) {
    if (members.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        handle ->
            lastSent(
                handle
                    .createQuery(
                        "SELECT member_id, MAX(created_at) AS last_sent FROM outbound_message"
                            + " WHERE member_id IN (<ids_of_json>) AND template_key = :template"
                            + " AND status <> 'SUPPRESSED' GROUP BY member_id")
                    .bind("ids", MemberIdsJson.of(members))
                    .bind("template", templateKey)));
  }

  private static Map<MemberId, Instant> lastSent(Query query) {
    Map<MemberId, Instant> last = new HashMap<>();
    query
        .map(
            (rs, context) -> Map.entry(rs.getString("member_id"), Columns.instant(rs, "last_sent")))
        .forEach(row -> last.put(new MemberId(row.getKey()), row.getValue()));
    return last;
  }

  @Override
  public List<OutboundMessage> ofMember(MemberId member) {
    return queries.list(
        OutboundMessage.class,
        "SELECT " + COLUMNS + " FROM outbound_message WHERE member_id = ? ORDER BY id",
        member.value());
  }

  @Override
  public List<OutboundMessage> ofRun(String runId) {
    return queries.list(
        OutboundMessage.class,
        "SELECT " + COLUMNS + " FROM outbound_message WHERE run_id = ? ORDER BY id",
        runId);
  }

  @Override
  public Map<MessageStatus, Long> countByStatus() {
    return jdbi.withHandle(
        handle -> {
          Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
          handle
              .createQuery("SELECT status, COUNT(*) AS n FROM outbound_message GROUP BY status")
              .map(
                  (rs, context) ->
                      counts.put(MessageStatus.valueOf(rs.getString("status")), rs.getLong("n")))
              .forEach(ignored -> {});
          return counts;
        });
  }

  @Override
  public Map<MemberId, Map<String, Instant>> marketingHistoryOf(Collection<MemberId> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, Map<String, Instant>> history = new HashMap<>();
          handle
              .createQuery(
                  "SELECT member_id, template_key, MAX(created_at) AS last_sent"
                      + " FROM outbound_message WHERE member_id IN (<ids_of_json>)"
                      + " AND purpose = 'MARKETING' AND status <> 'SUPPRESSED'"
                      + " GROUP BY member_id, template_key")
              .bind("ids", MemberIdsJson.of(members))
              .map(
                  (rs, context) ->
                      Map.entry(
                          new MemberId(rs.getString("member_id")),
                          Map.entry(
                              rs.getString("template_key"), Columns.instant(rs, "last_sent"))))
              .forEach(
                  row ->
                      history
                          .computeIfAbsent(row.getKey(), id -> new HashMap<>())
                          .put(row.getValue().getKey(), row.getValue().getValue()));
          return history;
        });
  }

  @Override
  public int purgeBodiesBefore(Instant cutoff, String replacement) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE outbound_message SET body = :replacement, subject = NULL WHERE created_at"
                        + " < :cutoff AND status NOT IN ('QUEUED', 'SENDING', 'FAILED') AND body <> :replacement")
                .bind("cutoff", cutoff)
                .bind("replacement", replacement)
                .execute());
  }
}
