package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ApiTokens;
import com.gymops.domain.ApiToken;
import com.gymops.domain.ClubId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code api_token} table. */
final class JdbiApiTokens implements ApiTokens {
  private static final String COLUMNS = "token_id, name, club_id, created_at, revoked_at";

  private final Jdbi jdbi;

  JdbiApiTokens(Jdbi jdbi) {
    this.jdbi = jdbi;
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
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash")
                .bind("hash", hash)
                .map((rs, context) -> token(rs))
                .findOne());
  }

  @Override
  public boolean revoke(String name, Instant at) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE api_token SET revoked_at = :at"
                            + " WHERE name = :name AND revoked_at IS NULL")
                    .bind("at", at)
                    .bind("name", name)
                    .execute())
        == 1;
  }

  @Override
  public List<ApiToken> all() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM api_token ORDER BY name")
                .map((rs, context) -> token(rs))
                .list());
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    String club = rs.getString("club_id");
    return new ApiToken(
        rs.getString("token_id"),
        rs.getString("name"),
        club == null ? null : new ClubId(club),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "revoked_at"));
  }
}
