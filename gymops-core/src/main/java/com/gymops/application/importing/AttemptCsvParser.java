package com.gymops.application.importing;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads an attempts file ({@code gymops import attempts}, README's import formats) into collection
 * attempts, checking every row and reporting every problem. Pure: it touches no database.
 * Immutable, and thread-safe when the member predicate is.
 */
public final class AttemptCsvParser {
  public static final List<String> COLUMNS =
      List.of("member_id", "attempted_at", "kind", "channel", "outcome");

  private static final CsvTable TABLE = new CsvTable(COLUMNS);
  private static final CodeTable<AttemptKind> KINDS =
      CodeTable.of(List.of(AttemptKind.values()), AttemptKind::code);
  private static final CodeTable<Channel> CHANNELS =
      CodeTable.of(List.of(Channel.SMS, Channel.EMAIL), Channel::code);
  private static final CodeTable<AttemptOutcome> OUTCOMES =
      CodeTable.of(List.of(AttemptOutcome.values()), AttemptOutcome::code);

  private final Predicate<MemberId> knownMember;
  private final Instant now;

  /**
   * @param knownMember whether a member exists, in the store or in the members imported with this
   *     file
   * @param now the run's clock; no attempt may be later
   */
  public AttemptCsvParser(Predicate<MemberId> knownMember, Instant now) {
    this.knownMember = Objects.requireNonNull(knownMember, "knownMember");
    this.now = Objects.requireNonNull(now, "now");
  }

  /**
   * Reads a whole attempts file. The reader is read to the end but not closed.
   *
   * @return every attempt, or, when any row is bad, no attempts and every problem found
   */
  public ParsedAttempts parse(Reader in) throws IOException {
    return parse(in, ',');
  }

  /** As {@link #parse(Reader)}, with values separated by {@code delimiter}. */
  public ParsedAttempts parse(Reader in, char delimiter) throws IOException {
    CsvTable.Contents<CollectionAttempt> contents = TABLE.read(in, delimiter, this::toAttempt);
    return new ParsedAttempts(contents.values(), contents.problems());
  }

  private Optional<CollectionAttempt> toAttempt(CsvRow row) {
    MemberId member = member(row);
    Instant attemptedAt = attemptedAt(row);
    AttemptKind kind = code(row, "kind", KINDS);
    Channel channel = code(row, "channel", CHANNELS);
    AttemptOutcome outcome = code(row, "outcome", OUTCOMES);
    if (row.isRejected()) {
      return Optional.empty();
    }
    return Optional.of(new CollectionAttempt(member, attemptedAt, kind, channel, outcome));
  }

  private MemberId member(CsvRow row) {
    String text = row.value("member_id");
    if (text.isEmpty()) {
      row.reject("member_id", "a member id is required");
      return null;
    }
    MemberId id = new MemberId(text);
    if (!knownMember.test(id)) {
      row.reject(
          "member_id", "unknown member " + text + "; import the member before their attempts");
      return null;
    }
    return id;
  }

  private Instant attemptedAt(CsvRow row) {
    String text = row.value("attempted_at");
    if (text.isEmpty()) {
      row.reject("attempted_at", "a time is required, like 2026-11-20T14:00:00Z");
      return null;
    }
    Instant at;
    try {
      // Also takes "Z", so one parse covers instants and offset date-times.
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      row.reject("attempted_at", timeProblem(text));
      return null;
    }
    if (at.isAfter(now)) {
      row.reject("attempted_at", text + " is in the future; it is now " + now);
      return null;
    }
    return at;
  }

  private static String timeProblem(String text) {
    try {
      LocalDateTime.parse(text);
      // A time without an offset could be any of 24 hours; guessing would misdate reminders.
      return "'" + text + "' has no time zone; add Z for UTC or an offset such as -05:00";
    } catch (DateTimeParseException e) {
      String problem =
          "'" + text + "' is not a time like 2026-11-20T14:00:00Z or 2026-11-20T09:00:00-05:00";
      // A month-first or day-first time names no zone either, so --dates has nothing to offer
      // here: the order would be settled and the hour still guessed.
      return text.indexOf('/') < 0
          ? problem
          : problem
              + "; attempt times are always ISO 8601 with a zone, whatever --dates a"
              + " members file needs";
    }
  }

  private static <T> T code(CsvRow row, String column, CodeTable<T> codes) {
    String text = row.value(column);
    Optional<T> value = codes.find(text);
    if (value.isEmpty()) {
      String problem = text.isEmpty() ? "a value is required:" : "'" + text + "' is not";
      row.reject(column, problem + " one of " + codes.expected());
      return null;
    }
    return value.get();
  }
}
