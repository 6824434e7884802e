package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ApiTokens;
import com.gymops.domain.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code api_token} table. */
final class JdbiApiTokens implements ApiTokens {
  private static final String COLUMNS = "token_id, name, club_id, created_at, revoked_at";

  private final Jdbi jdbi;
  private final Queries queries;

  JdbiApiTokens(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public boolean add(ApiToken token, String hash) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO api_token (token_id, name, club_id, token_hash, created_at)"
                            + " VALUES (:id, :name, :club, :hash, :at) ON CONFLICT DO NOTHING")
                    .bind("id", token.id())
                    .bind("name", token.name())
                    .bind("club", token.club() == null ? null : token.club().value())
                    .bind("hash", hash)
                    .bind("at", token.createdAt())
                    .execute())
        == 1;
  }

  @Override
  public Optional<ApiToken> byHash(String hash) {
    return queries.findOne(
        ApiToken.class, "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?", hash);
  }

  @Override
  public boolean revoke(String name, Instant at) {
    return queries.update(
            "UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", at, name)
        == 1;
  }

  @Override
  public List<ApiToken> all() {
    return queries.list(ApiToken.class, "SELECT " + COLUMNS + " FROM api_token ORDER BY name");
  }
}
