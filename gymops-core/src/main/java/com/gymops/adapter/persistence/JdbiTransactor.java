package com.gymops.adapter.persistence;

import com.gymops.application.port.store.Transactor;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Jdbi reuses the transaction's handle for every {@code withHandle} on the same thread. */
final class JdbiTransactor implements Transactor {
  private final Jdbi jdbi;

  JdbiTransactor(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return jdbi.inTransaction(handle -> work.get());
  }
}
