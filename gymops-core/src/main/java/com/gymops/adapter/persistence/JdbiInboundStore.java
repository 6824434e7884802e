package com.gymops.adapter.persistence;

import com.gymops.application.port.store.InboundStore;
import com.gymops.domain.InboundText;
import com.gymops.domain.MemberId;
import com.gymops.domain.MessagePurpose;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Inbound texts in {@code inbound_message}, purpose opt-outs in {@code member_purpose_opt_out}. */
final class JdbiInboundStore implements InboundStore {
  private static final int MAX_BODY = 1600;

  private final Jdbi jdbi;
  private final Queries queries;

  JdbiInboundStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
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
    return queries.list(
        InboundText.class,
        "SELECT * FROM inbound_message WHERE from_phone = ? ORDER BY received_at DESC, message_key",
        phone);
  }

  @Override
  public Optional<MessagePurpose> lastPurposeSentTo(String phone) {
    return queries
        .findOne(
            String.class,
            "SELECT purpose FROM outbound_message WHERE recipient = ? AND sent_at IS NOT NULL"
                + " AND purpose <> 'MANAGER' ORDER BY sent_at DESC, id DESC LIMIT 1",
            phone)
        .map(MessagePurpose::valueOf);
  }

  @Override
  public void optOutOf(MemberId member, MessagePurpose purpose, Instant at) {
    queries.update(
        "INSERT INTO member_purpose_opt_out (member_id, purpose, opted_out_at) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        member.value(),
        purpose.name(),
        at);
  }

  @Override
  public void clearOptOuts(MemberId member) {
    queries.update("DELETE FROM member_purpose_opt_out WHERE member_id = ?", member.value());
  }

  @Override
  public boolean isOptedOutOf(MemberId member, MessagePurpose purpose) {
    return queries.count(
            "SELECT COUNT(*) FROM member_purpose_opt_out WHERE member_id = ? AND purpose = ?",
            member.value(),
            purpose.name())
        > 0;
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
