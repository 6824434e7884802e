package com.gymops.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 2026-11-25T15:00:00Z} or {@code 2026-11-25T10:00:00-05:00}. */
final class InstantConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not an ISO-8601 instant such as 2026-11-25T15:00:00Z");
    }
  }
}
