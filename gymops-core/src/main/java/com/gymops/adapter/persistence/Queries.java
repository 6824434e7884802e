package com.gymops.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One statement on a handle of its own, its rows mapped by the mappers registered on the Jdbi
 * ({@link RowMappers}): the shape of most store methods. Arguments bind by position ({@code ?}) and
 * by their runtime type, so none may be null: PostgreSQL cannot type a null that carries no type in
 * every place it may stand. A statement with a nullable argument binds it by name on its own
 * handle.
 */
final class Queries {
  private final Jdbi jdbi;

  Queries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The one row the query finds, or empty; more than one is an error. */
  <T> Optional<T> findOne(Class<T> type, String sql, Object... arguments) {
    return jdbi.withHandle(handle -> handle.select(sql, arguments).mapTo(type).findOne());
  }

  /** The first row the query finds, or empty. */
  <T> Optional<T> findFirst(Class<T> type, String sql, Object... arguments) {
    return jdbi.withHandle(handle -> handle.select(sql, arguments).mapTo(type).findFirst());
  }

  <T> List<T> list(Class<T> type, String sql, Object... arguments) {
    return jdbi.withHandle(handle -> handle.select(sql, arguments).mapTo(type).list());
  }

  /** The single number a {@code SELECT COUNT(*)} (or another one-row, one-column query) answers. */
  long count(String sql, Object... arguments) {
    return jdbi.withHandle(handle -> handle.select(sql, arguments).mapTo(Long.class).one());
  }

  /**
   * @return the number of rows the statement changed
   */
  int update(String sql, Object... arguments) {
    return jdbi.withHandle(handle -> handle.execute(sql, arguments));
  }
}
