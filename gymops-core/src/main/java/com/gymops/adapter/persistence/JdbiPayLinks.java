package com.gymops.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.application.port.store.PayLinks;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code member_pay_link} table, and the pay link of a member's open provider invoice ({@code
 * provider_invoice}), which comes first.
 */
final class JdbiPayLinks implements PayLinks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;

  JdbiPayLinks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void putAll(Map<MemberId, String> links, Instant now) {
    if (links.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        handle -> {
          var delete = handle.prepareBatch("DELETE FROM member_pay_link WHERE member_id = :member");
          var insert =
              handle.prepareBatch(
                  "INSERT INTO member_pay_link (member_id, url, updated_at)"
                      + " VALUES (:member, :url, :at)");
          boolean inserts = false;
          for (Map.Entry<MemberId, String> link : links.entrySet()) {
            delete.bind("member", link.getKey().value()).add();
            if (!link.getValue().isEmpty()) {
              insert
                  .bind("member", link.getKey().value())
                  .bind("url", link.getValue())
                  .bind("at", now)
                  .add();
              inserts = true;
            }
          }
          delete.execute();
          if (inserts) {
            insert.execute();
          }
        });
  }

  @Override
  public Optional<String> of(MemberId member) {
    return ofMembers(java.util.List.of(member)).values().stream().findFirst();
  }

  @Override
  public Map<MemberId, String> ofMembers(Collection<MemberId> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    String ids;
    try {
      ids = JSON.writeValueAsString(members.stream().map(MemberId::value).distinct().toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write member ids as JSON", e);
    }
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, String> links = new HashMap<>();
          handle
              .createQuery(
                  "SELECT member_id, url FROM member_pay_link WHERE member_id IN (<ids_of_json>)")
              .bind("ids", ids)
              .map((rs, context) -> Map.entry(new MemberId(rs.getString(1)), rs.getString(2)))
              .forEach(link -> links.put(link.getKey(), link.getValue()));
          // The payment provider's page for the open invoice comes first: it is where the debt
          // the text asks about is paid (the latest updated when there are several).
          handle
              .createQuery(
                  "SELECT member_id, pay_url FROM provider_invoice WHERE open AND pay_url IS NOT"
                      + " NULL AND member_id IN (<ids_of_json>) ORDER BY updated_at, invoice_id")
              .bind("ids", ids)
              .map((rs, context) -> Map.entry(new MemberId(rs.getString(1)), rs.getString(2)))
              .forEach(link -> links.put(link.getKey(), link.getValue()));
          return links;
        });
  }
}
