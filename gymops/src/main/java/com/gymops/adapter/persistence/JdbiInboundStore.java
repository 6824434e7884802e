package com.gymops.adapter.persistence;

import com.gymops.application.port.store.InboundStore;
import com.gymops.domain.InboundMeaning;
import com.gymops.domain.InboundText;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Inbound texts in {@code inbound_message}, purpose opt-outs in {@code member_purpose_opt_out}. */
public final class JdbiInboundStore implements InboundStore {
  private static final int MAX_BODY = 1600;

  private final Jdbi jdbi;

  public JdbiInboundStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean record(InboundText text) {
    String body =
        text.body().length() > MAX_BODY ? text.body().substring(0, MAX_BODY) : text.body();
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO inbound_message (message_key, received_at, from_phone,"
                            + " to_phone, body, meaning, scope, member_ids) VALUES (:key, :at,"
                            + " :from, :to, :body, :meaning, :scope, :members)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("key", text.key())
                    .bind("at", text.receivedAt())
                    .bind("from", text.from())
                    .bind("to", text.to())
                    .bind("body", body)
                    .bind("meaning", text.meaning().name())
                    .bind("scope", text.scope() == null ? null : text.scope().name())
                    .bind(
                        "members",
                        text.members().stream()
                            .map(MemberId::value)
                            .collect(Collectors.joining(",")))
                    .execute())
        == 1;
  }

  @Override
  public List<InboundText> from(String phone) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM inbound_message WHERE from_phone = :phone"
                        + " ORDER BY received_at DESC, message_key")
                .bind("phone", phone)
                .map(JdbiInboundStore::map)
                .list());
  }

  @Override
  public Optional<MessagePurpose> lastPurposeSentTo(String phone) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT purpose FROM outbound_message WHERE recipient = :phone"
                        + " AND sent_at IS NOT NULL AND purpose <> 'MANAGER'"
                        + " ORDER BY sent_at DESC, id DESC LIMIT 1")
                .bind("phone", phone)
                .mapTo(String.class)
                .findOne()
                .map(MessagePurpose::valueOf));
  }

  @Override
  public void optOutOf(MemberId member, MessagePurpose purpose, Instant at) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO member_purpose_opt_out (member_id, purpose, opted_out_at)"
                        + " VALUES (:member, :purpose, :at) ON CONFLICT DO NOTHING")
                .bind("member", member.value())
                .bind("purpose", purpose.name())
                .bind("at", at)
                .execute());
  }

  @Override
  public void clearOptOuts(MemberId member) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM member_purpose_opt_out WHERE member_id = :member")
                .bind("member", member.value())
                .execute());
  }

  @Override
  public boolean isOptedOutOf(MemberId member, MessagePurpose purpose) {
    return jdbi.withHandle(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM member_purpose_opt_out"
                            + " WHERE member_id = :member AND purpose = :purpose")
                    .bind("member", member.value())
                    .bind("purpose", purpose.name())
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  private static InboundText map(ResultSet rs, StatementContext context) throws SQLException {
    String scope = rs.getString("scope");
    String members = rs.getString("member_ids");
    return new InboundText(
        rs.getString("message_key"),
        Columns.instant(rs, "received_at"),
        rs.getString("from_phone"),
        rs.getString("to_phone"),
        rs.getString("body"),
        InboundMeaning.valueOf(rs.getString("meaning")),
        scope == null ? null : MessagePurpose.valueOf(scope),
        members.isEmpty()
            ? List.of()
            : Arrays.stream(members.split(",")).map(MemberId::new).toList());
  }

  @Override
  public int purgeBodiesBefore(Instant cutoff, String replacement) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE inbound_message SET body = :replacement"
                        + " WHERE received_at < :cutoff AND body <> :replacement")
                .bind("cutoff", cutoff)
                .bind("replacement", replacement)
                .execute());
  }
}
