package com.gymops.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** SqliteTime's positional parsers read back exactly what it writes, and reject what is no time. */
class SqliteTimeProperties {
  @Property
  void an_instant_reads_back_as_written_to_the_microsecond(
      @ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);
    String text = SqliteTime.format(instant);

    assertThat(SqliteTime.parseInstant(text))
        .isEqualTo(instant.truncatedTo(ChronoUnit.MICROS))
        .isEqualTo(Instant.parse(text));
  }

  @Property
  void an_instant_is_written_as_the_formatter_writes_it(
      @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);

    assertThat(SqliteTime.format(instant))
        .isEqualTo(
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(ZoneOffset.UTC)
                .format(instant.truncatedTo(ChronoUnit.MICROS)));
  }

  @Test
  void the_first_and_last_instants_of_four_digit_years_and_those_beyond() {
    assertThat(SqliteTime.format(Instant.parse("0000-01-01T00:00:00Z")))
        .isEqualTo("0000-01-01T00:00:00.000000Z");
    assertThat(SqliteTime.format(Instant.parse("9999-12-31T23:59:59.999999999Z")))
        .isEqualTo("9999-12-31T23:59:59.999999Z");
    assertThat(SqliteTime.format(Instant.parse("1969-12-31T23:59:59.5Z")))
        .isEqualTo("1969-12-31T23:59:59.500000Z");
    assertThat(SqliteTime.format(Instant.parse("+10000-01-01T00:00:00Z")))
        .isEqualTo("+10000-01-01T00:00:00.000000Z");
  }

  @Property
  void a_date_reads_back_as_written(
      @ForAll @LongRange(min = -100_000, max = 2_932_896) long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);

    assertThat(SqliteTime.parseDate(date.toString())).isEqualTo(date);
  }

  @Test
  void other_shapes_of_an_instant_are_parsed_as_iso_8601() {
    assertThat(SqliteTime.parseInstant("2026-11-25T15:30:00Z"))
        .isEqualTo(Instant.parse("2026-11-25T15:30:00Z"));
    assertThat(SqliteTime.parseInstant("2026-11-25T15:30:00.123Z"))
        .isEqualTo(Instant.parse("2026-11-25T15:30:00.123Z"));
  }

  @Test
  void what_is_no_instant_or_date_is_refused_as_instant_parse_refuses_it() {
    assertThatThrownBy(() -> SqliteTime.parseInstant("2026-02-30T15:30:00.000000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> SqliteTime.parseInstant("2026-11-25T24:30:00.000000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> SqliteTime.parseInstant("2026-11-25T15:3x:00.000000Z"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> SqliteTime.parseDate("2026-13-01"))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> SqliteTime.parseDate("26-1-1")).isInstanceOf(DateTimeException.class);
  }
}
