package com.gymops.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a US phone number's area code is: its state and time zone, from the table shipped with
 * GymOps ({@code us-area-codes.csv}). A number keeps its area code when its owner moves, so this is
 * the fallback when the member's own state is unknown, never the first choice. Immutable.
 */
public final class AreaCodes {
  private static final String RESOURCE = "us-area-codes.csv";
  private static final AreaCodes SHIPPED = load();

  private final Map<String, Location> byAreaCode;
  private final Map<UsState, ZoneId> mainZoneByState;

  /** Where an area code is. */
  public record Location(UsState state, ZoneId zone) {}

  private AreaCodes(Map<String, Location> byAreaCode) {
    this.byAreaCode = Map.copyOf(byAreaCode);
    this.mainZoneByState = mainZones(byAreaCode);
  }

  /** The table shipped with GymOps. */
  public static AreaCodes shipped() {
    return SHIPPED;
  }

  /** The location of a US number in E.164 (+1 and ten digits), or empty for any other. */
  public Optional<Location> locate(String e164) {
    if (e164 == null || e164.length() != 12 || !e164.startsWith("+1")) {
      return Optional.empty();
    }
    return Optional.ofNullable(byAreaCode.get(e164.substring(2, 5)));
  }

  /** The zone most of a state's area codes use: a state's zone when nothing finer is known. */
  public Optional<ZoneId> mainZone(UsState state) {
    return Optional.ofNullable(mainZoneByState.get(state));
  }

  private static Map<UsState, ZoneId> mainZones(Map<String, Location> byAreaCode) {
    Map<UsState, Map<ZoneId, Long>> counts =
        byAreaCode.values().stream()
            .collect(
                Collectors.groupingBy(
                    Location::state, Collectors.groupingBy(Location::zone, Collectors.counting())));
    Map<UsState, ZoneId> zones = new HashMap<>();
    counts.forEach(
        (state, byZone) ->
            zones.put(
                state,
                byZone.entrySet().stream()
                    .max(
                        Map.Entry.<ZoneId, Long>comparingByValue()
                            .thenComparing(entry -> entry.getKey().getId()))
                    .orElseThrow()
                    .getKey()));
    return Map.copyOf(zones);
  }

  private static AreaCodes load() {
    try (InputStream in = AreaCodes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Location> table =
          reader
              .lines()
              .filter(line -> !line.startsWith("#") && !line.startsWith("area_code"))
              .map(line -> line.split(",", -1))
              .collect(
                  Collectors.toMap(
                      fields -> fields[0],
                      fields -> new Location(new UsState(fields[1]), ZoneId.of(fields[2])),
                      (first, second) -> first));
      return new AreaCodes(table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
