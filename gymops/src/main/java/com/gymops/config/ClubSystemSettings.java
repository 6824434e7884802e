package com.gymops.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where members and balances come from ({@code club_system}).
 *
 * @param system {@code local} (GymOps' own store, fed by {@code gymops import}) or {@code http}
 *     (pulled from the club system's REST API every {@link #INTERVAL})
 * @param http the API of the {@code http} system, else null
 */
public record ClubSystemSettings(String system, Http http) {
  public static final ClubSystemSettings LOCAL = new ClubSystemSettings("local", null);

  /** How often {@code serve} pulls changes: balances a quarter-hour old at worst. */
  public static final Duration INTERVAL = Duration.ofMinutes(15);

  public static final String TOKEN_ENV = "GYMOPS_CLUB_SYSTEM_TOKEN";

  public ClubSystemSettings {
    Objects.requireNonNull(system, "system");
    if (system.equals("http") && http == null) {
      throw new IllegalArgumentException("the http club system needs its API");
    }
  }

  public boolean isHttp() {
    return system.equals("http");
  }

  /**
   * @param baseUrl the API root; {@code /members} is under it
   * @param token bearer token from {@code GYMOPS_CLUB_SYSTEM_TOKEN}, or null
   * @param pageSize members asked for per request
   */
  public record Http(String baseUrl, String token, int pageSize, Duration timeout) {
    public Http {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
      return "Http[baseUrl="
          + baseUrl
          + ", token="
          + (token == null ? "unset" : "***")
          + ", pageSize="
          + pageSize
          + ", timeout="
          + timeout
          + "]";
    }
  }
}
