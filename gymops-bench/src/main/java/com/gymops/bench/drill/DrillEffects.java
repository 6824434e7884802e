package com.gymops.bench.drill;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run leaves in a drill's database, by idempotency key: texts and e-mails, collection
 * attempts, notes, door changes, and the members locked. The run and fire drills compare a killed
 * and rerun club's with an unkilled run's, so exactly-once shows as two equal sets.
 */
final class DrillEffects {
  private DrillEffects() {}

  /**
   * @param managerMessages whether messages to the manager count: a run's own do; {@code serve}
   *     also sends some of its own (the daily summary, alerts) that no run of the reference makes
   */
  static Set<String> of(DrillDatabase db, boolean managerMessages) {
    Set<String> keys = new TreeSet<>();
    db.rows(
            "SELECT idempotency_key FROM outbound_message"
                + (managerMessages ? "" : " WHERE purpose <> 'MANAGER'"))
        .forEach(row -> keys.add("outbound_message:" + row.get(0)));
    for (String table : List.of("collection_attempt", "member_note", "door_change")) {
      db.rows("SELECT idempotency_key FROM " + table)
          .forEach(row -> keys.add(table + ":" + row.get(0)));
    }
    db.rows("SELECT member_id FROM member WHERE door_state = 'LOCKED'")
        .forEach(row -> keys.add("locked:" + row.get(0)));
    return keys;
  }

  /**
   * How {@code actual} differs from {@code expected}: missing and extra, with an example of each.
   */
  static Optional<String> difference(Set<String> expected, Set<String> actual) {
    if (actual.equals(expected)) {
      return Optional.empty();
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    return Optional.of(
        missing.size()
            + " missing "
            + example(missing)
            + ", "
            + extra.size()
            + " extra "
            + example(extra));
  }

  private static String example(Set<String> keys) {
    return keys.isEmpty() ? "" : "(e.g. " + keys.iterator().next() + ")";
  }
}
