package com.gymops.application.port.store;

import com.gymops.domain.ConsoleUser;
import java.util.List;
import java.util.Optional;

/** The console's users, keyed by their lowercased email. Thread-safe. */
public interface ConsoleUserStore {
  /** Adds the user with their clubs, in one transaction; false when the email is taken. */
  boolean add(ConsoleUser user);

  Optional<ConsoleUser> find(String email);

  /** Every user, by email. */
  List<ConsoleUser> all();

  /** Returns false when there is no such user. */
  boolean setDisabled(String email, boolean disabled);
}
