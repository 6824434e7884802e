package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ConsoleUserStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.ConsoleUser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Users in {@code console_user}, their clubs in {@code console_user_club}. */
final class JdbiConsoleUserStore implements ConsoleUserStore {
  private static final String COLUMNS =
      "SELECT email, role, all_clubs, password_hash, disabled, created_at FROM console_user";

  private final Jdbi jdbi;

  JdbiConsoleUserStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean add(ConsoleUser user) {
    return jdbi.inTransaction(
        handle -> {
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO console_user (email, role, all_clubs, password_hash, disabled,"
                          + " created_at) VALUES (:email, :role, :all_clubs, :hash, :disabled,"
                          + " :created_at) ON CONFLICT DO NOTHING")
                  .bind("email", user.email())
                  .bind("role", user.role().name())
                  .bind("all_clubs", user.allClubs())
                  .bind("hash", user.passwordHash())
                  .bind("disabled", user.disabled())
                  .bind("created_at", user.createdAt())
                  .execute();
          if (inserted == 0) {
            return false;
          }
          for (ClubId club : user.clubs()) {
            handle
                .createUpdate(
                    "INSERT INTO console_user_club (email, club_id) VALUES (:email, :club)")
                .bind("email", user.email())
                .bind("club", club.value())
                .execute();
          }
          return true;
        });
  }

  @Override
  public Optional<ConsoleUser> find(String email) {
    return jdbi.withHandle(
        handle -> {
          Map<String, Set<ClubId>> clubs = clubs(handle, email);
          return handle
              .createQuery(COLUMNS + " WHERE email = :email")
              .bind("email", email)
              .map((rs, ctx) -> user(rs, clubs))
              .findOne();
        });
  }

  @Override
  public List<ConsoleUser> all() {
    return jdbi.withHandle(
        handle -> {
          Map<String, Set<ClubId>> clubs = clubs(handle, null);
          return handle
              .createQuery(COLUMNS + " ORDER BY email")
              .map((rs, ctx) -> user(rs, clubs))
              .list();
        });
  }

  @Override
  public boolean setDisabled(String email, boolean disabled) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE console_user SET disabled = :disabled WHERE email = :email")
                    .bind("disabled", disabled)
                    .bind("email", email)
                    .execute())
        > 0;
  }

  /** The clubs of one user, or of all when {@code email} is null. */
  private static Map<String, Set<ClubId>> clubs(Handle handle, String email) {
    Map<String, Set<ClubId>> clubs = new HashMap<>();
    var query =
        handle.createQuery(
            "SELECT email, club_id FROM console_user_club"
                + (email == null ? "" : " WHERE email = :email"));
    if (email != null) {
      query.bind("email", email);
    }
    query
        .map((rs, ctx) -> Map.entry(rs.getString("email"), new ClubId(rs.getString("club_id"))))
        .forEach(
            entry ->
                clubs.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(entry.getValue()));
    return clubs;
  }

  private static ConsoleUser user(java.sql.ResultSet rs, Map<String, Set<ClubId>> clubs)
      throws java.sql.SQLException {
    String email = rs.getString("email");
    return new ConsoleUser(
        email,
        ConsoleRole.valueOf(rs.getString("role")),
        rs.getBoolean("all_clubs"),
        clubs.getOrDefault(email, Set.of()),
        rs.getString("password_hash"),
        rs.getBoolean("disabled"),
        Columns.instant(rs, "created_at"));
  }
}
