package com.gymops.adapter.persistence;

import com.gymops.application.port.store.DoorLinks;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@code door_link} (V18) in portable SQL: a replace is a delete and an insert. */
final class JdbiDoorLinks implements DoorLinks {
  private final Jdbi jdbi;

  JdbiDoorLinks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<String> find(MemberId member, String doorSystem) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT door_user_id FROM door_link"
                        + " WHERE member_id = :member_id AND door_system = :door_system")
                .bind("member_id", member.value())
                .bind("door_system", doorSystem)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void put(MemberId member, String doorSystem, String doorUserId, Instant foundAt) {
    jdbi.useTransaction(
        handle -> {
          delete(handle, member, doorSystem);
          handle
              .createUpdate(
                  "INSERT INTO door_link (member_id, door_system, door_user_id, found_at)"
                      + " VALUES (:member_id, :door_system, :door_user_id, :found_at)")
              .bind("member_id", member.value())
              .bind("door_system", doorSystem)
              .bind("door_user_id", doorUserId)
              .bind("found_at", foundAt)
              .execute();
        });
  }

  @Override
  public void forget(MemberId member, String doorSystem) {
    jdbi.useHandle(handle -> delete(handle, member, doorSystem));
  }

  private static void delete(org.jdbi.v3.core.Handle handle, MemberId member, String doorSystem) {
    handle
        .createUpdate(
            "DELETE FROM door_link WHERE member_id = :member_id AND door_system = :door_system")
        .bind("member_id", member.value())
        .bind("door_system", doorSystem)
        .execute();
  }
}
