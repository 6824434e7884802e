package com.gymops.adapter.persistence;

import com.gymops.application.port.store.RunPages;
import com.gymops.domain.MemberId;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunEvent;
import com.gymops.domain.WorkflowRun;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A run's page from three indexes: {@code run_event (run_id, seq)}, the member's primary key and
 * {@code outbound_message (run_id, member_id)} (V22). Portable SQL.
 */
final class JdbiRunPages implements RunPages {
  private final Jdbi jdbi;

  JdbiRunPages(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<WorkflowRun> run(String runId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + JdbiRunStore.COLUMNS.replace("report_json", "NULL AS report_json")
                        + " FROM workflow_run WHERE run_id = :run")
                .bind("run", runId)
                .mapTo(WorkflowRun.class)
                .findOne());
  }

  @Override
  public int actionCount(String runId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM run_event WHERE run_id = :run")
                .bind("run", runId)
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public List<RunEvent> actions(String runId, int offset, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT seq, member_id, action, detail, rule, inputs_json, outcome"
                        + " FROM run_event WHERE run_id = :run ORDER BY seq"
                        + " LIMIT :limit OFFSET :offset")
                .bind("run", runId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(
                    (rs, context) -> {
                      String member = rs.getString("member_id");
                      return new RunEvent(
                          rs.getInt("seq"),
                          member == null ? null : new MemberId(member),
                          rs.getString("action"),
                          rs.getString("detail"),
                          rs.getString("rule"),
                          rs.getString("inputs_json"),
                          rs.getString("outcome"));
                    })
                .list());
  }

  @Override
  public Map<MemberId, String> names(Collection<MemberId> members) {
    Map<MemberId, String> names = new HashMap<>();
    if (members.isEmpty()) {
      return names;
    }
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT member_id, first_name, last_name FROM member"
                        + " WHERE member_id IN (<members>)")
                .bindList("members", members.stream().map(MemberId::value).toList())
                .map(
                    (rs, context) ->
                        names.put(
                            new MemberId(rs.getString("member_id")),
                            (rs.getString("first_name") + " " + rs.getString("last_name")).trim()))
                .forEach(ignored -> {}));
    return names;
  }

  @Override
  public List<OutboundMessage> messagesTo(String runId, Collection<MemberId> members) {
    if (members.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + JdbiOutbox.COLUMNS
                        + " FROM outbound_message WHERE run_id = :run"
                        + " AND member_id IN (<members>) ORDER BY id")
                .bind("run", runId)
                .bindList("members", members.stream().map(MemberId::value).toList())
                .mapTo(OutboundMessage.class)
                .list());
  }

  @Override
  public List<OutboundMessage> messagesToManager(String runId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + JdbiOutbox.COLUMNS
                        + " FROM outbound_message WHERE run_id = :run AND member_id IS NULL"
                        + " ORDER BY id")
                .bind("run", runId)
                .mapTo(OutboundMessage.class)
                .list());
  }
}
