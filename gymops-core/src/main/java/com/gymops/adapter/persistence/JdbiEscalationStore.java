package com.gymops.adapter.persistence;

import com.gymops.application.port.store.EscalationStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Escalations in the {@code escalation} table; reasons are stored sorted, comma-separated. */
final class JdbiEscalationStore implements EscalationStore {
  private final Jdbi jdbi;

  JdbiEscalationStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean add(
      MemberId member, LocalDate on, Set<String> reasons, String runId, String idempotencyKey) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO escalation (member_id, escalated_on, reasons, run_id,"
                            + " idempotency_key) VALUES (:member, :on, :reasons, :run_id, :key)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("member", member.value())
                    .bind("on", on)
                    .bind("reasons", String.join(",", new TreeSet<>(reasons)))
                    .bind("run_id", runId)
                    .bind("key", idempotencyKey)
                    .execute())
        == 1;
  }

  @Override
  public Map<MemberId, LastEscalation> latestInClub(ClubId club) {
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, LastEscalation> latest = new HashMap<>();
          handle
              .createQuery(
                  "SELECT e.member_id, e.escalated_on, e.reasons FROM escalation e"
                      + " JOIN member m ON m.member_id = e.member_id WHERE m.club_id = :club"
                      + " ORDER BY e.escalated_on, e.id")
              .bind("club", club.value())
              .map(
                  (rs, context) ->
                      Map.entry(
                          new MemberId(rs.getString("member_id")),
                          new LastEscalation(
                              Columns.date(rs, "escalated_on"),
                              Arrays.stream(rs.getString("reasons").split(","))
                                  .filter(reason -> !reason.isEmpty())
                                  .collect(Collectors.toUnmodifiableSet()))))
              .forEach(entry -> latest.put(entry.getKey(), entry.getValue()));
          return latest;
        });
  }

  @Override
  public Map<MemberId, LastEscalation> latestOf(Collection<MemberId> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, LastEscalation> latest = new HashMap<>();
          handle
              .createQuery(
                  "SELECT member_id, escalated_on, reasons FROM escalation"
                      + " WHERE member_id IN (<ids_of_json>) ORDER BY escalated_on, id")
              .bind("ids", MemberIdsJson.of(members))
              .map(
                  (rs, context) ->
                      Map.entry(
                          new MemberId(rs.getString("member_id")),
                          new LastEscalation(
                              Columns.date(rs, "escalated_on"),
                              Arrays.stream(rs.getString("reasons").split(","))
                                  .filter(reason -> !reason.isEmpty())
                                  .collect(Collectors.toUnmodifiableSet()))))
              .forEach(entry -> latest.put(entry.getKey(), entry.getValue()));
          return latest;
        });
  }
}
