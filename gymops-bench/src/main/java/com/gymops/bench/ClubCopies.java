package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import java.nio.file.Path;

/**
 * Fresh copies of a seeded demo club, one per measured run, so that every repetition starts from
 * the same state: database files copied on the embedded store ({@link SeededClubs}), databases made
 * from a template on PostgreSQL ({@link PostgresClubs}).
 */
interface ClubCopies {
  SeededClubs.Template template(int members);

  /**
   * A fresh copy of the template: its data directory, which {@link #open} and {@link #delete} name.
   */
  Path copy(SeededClubs.Template template);

  GymOpsApp open(Path copy);

  void delete(Path copy);
}
