package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ConsoleSessionStore;
import com.gymops.domain.ConsoleSession;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Sessions in {@code console_session}. */
final class JdbiConsoleSessionStore implements ConsoleSessionStore {
  private final Jdbi jdbi;

  JdbiConsoleSessionStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void open(ConsoleSession session) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO console_session (token_hash, email, csrf_token, address,"
                        + " created_at, last_seen_at) VALUES (:hash, :email, :csrf, :address,"
                        + " :created_at, :last_seen_at)")
                .bind("hash", session.tokenHash())
                .bind("email", session.email())
                .bind("csrf", session.csrfToken())
                .bind("address", session.address())
                .bind("created_at", session.createdAt())
                .bind("last_seen_at", session.lastSeenAt())
                .execute());
  }

  @Override
  public Optional<ConsoleSession> find(String tokenHash) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT token_hash, email, csrf_token, address, created_at, last_seen_at,"
                        + " revoked_at FROM console_session WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(
                    (rs, ctx) ->
                        new ConsoleSession(
                            rs.getString("token_hash"),
                            rs.getString("email"),
                            rs.getString("csrf_token"),
                            rs.getString("address"),
                            Columns.instant(rs, "created_at"),
                            Columns.instant(rs, "last_seen_at"),
                            Columns.instant(rs, "revoked_at")))
                .findOne());
  }

  @Override
  public void touch(String tokenHash, Instant at) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE console_session SET last_seen_at = :at WHERE token_hash = :hash")
                .bind("at", at)
                .bind("hash", tokenHash)
                .execute());
  }

  @Override
  public void revoke(String tokenHash, Instant at) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE console_session SET revoked_at = :at"
                        + " WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("at", at)
                .bind("hash", tokenHash)
                .execute());
  }

  @Override
  public int revokeAllOf(String email, Instant at) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE console_session SET revoked_at = :at"
                        + " WHERE email = :email AND revoked_at IS NULL")
                .bind("at", at)
                .bind("email", email)
                .execute());
  }
}
