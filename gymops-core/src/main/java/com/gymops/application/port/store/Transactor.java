package com.gymops.application.port.store;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: every store call made inside {@code work} on the same
 * thread joins it, and it commits only if {@code work} returns normally.
 */
public interface Transactor {
  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
