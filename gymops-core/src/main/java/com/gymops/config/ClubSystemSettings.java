package com.gymops.config;

import com.gymops.domain.ClubId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where members and balances come from ({@code club_system}).
 *
 * @param system {@code local} (GymOps' own store, fed by {@code gymops import}), {@code http}
 *     (pulled from the club system's REST API every {@link #INTERVAL}) or {@code clubhub}
 *     (ClubHub's own API, docs/INTEGRATIONS.md) or {@code abc} (ABC Evo's API,
 *     docs/INTEGRATIONS.md)
 * @param http the API of the {@code http} system, else null
 * @param clubhub ClubHub's API of the {@code clubhub} system, else null
 * @param abc ABC Evo's API of the {@code abc} system, else null
 * @param clubNumbers each club's number in the club system ({@code clubs[].club_system_id})
 * @param consentAttested the clubs whose {@code clubs[].club_system_consent: attested} says every
 *     member it pulls agreed to marketing texts, for club systems that hold no consent
 */
public record ClubSystemSettings(
    String system,
    Http http,
    ClubHub clubhub,
    Abc abc,
    Map<ClubId, String> clubNumbers,
    Set<ClubId> consentAttested) {
  public static final ClubSystemSettings LOCAL = new ClubSystemSettings("local", null);

  public static final String CLUBHUB_USERNAME_ENV = "GYMOPS_CLUBHUB_USERNAME";
  public static final String CLUBHUB_PASSWORD_ENV = "GYMOPS_CLUBHUB_PASSWORD";
  public static final String ABC_APP_ID_ENV = "GYMOPS_ABC_APP_ID";
  public static final String ABC_APP_KEY_ENV = "GYMOPS_ABC_APP_KEY";

  /** How often {@code serve} pulls changes: balances a quarter-hour old at worst. */
  public static final Duration INTERVAL = Duration.ofMinutes(15);

  public static final String TOKEN_ENV = "GYMOPS_CLUB_SYSTEM_TOKEN";

  public ClubSystemSettings {
    Objects.requireNonNull(system, "system");
    if (system.equals("http") && http == null) {
      throw new IllegalArgumentException("the http club system needs its API");
    }
    if (system.equals("clubhub") && clubhub == null) {
      throw new IllegalArgumentException("the clubhub club system needs its API");
    }
    if (system.equals("abc") && abc == null) {
      throw new IllegalArgumentException("the abc club system needs its API");
    }
    clubNumbers = Map.copyOf(clubNumbers);
    consentAttested = Set.copyOf(consentAttested);
  }

  public ClubSystemSettings(String system, Http http) {
    this(system, http, null, Map.of(), Set.of());
  }

  /** Any system but ABC Evo. */
  public ClubSystemSettings(
      String system,
      Http http,
      ClubHub clubhub,
      Map<ClubId, String> clubNumbers,
      Set<ClubId> consentAttested) {
    this(system, http, clubhub, null, clubNumbers, consentAttested);
  }

  public boolean isHttp() {
    return system.equals("http");
  }

  public boolean isClubHub() {
    return system.equals("clubhub");
  }

  public boolean isAbc() {
    return system.equals("abc");
  }

  /** Whether the club system is called per club, by each club's {@code club_system_id}. */
  public boolean needsClubNumbers() {
    return isClubHub() || isAbc();
  }

  /**
   * ABC Evo's API ({@code club_system.abc}).
   *
   * @param baseUrl the API root, {@code {clubNumber}/members} under it; {@link
   *     #ABC_DEFAULT_BASE_URL} unless a fake stands in
   * @param appId from {@code GYMOPS_ABC_APP_ID}, or null when unset
   * @param appKey from {@code GYMOPS_ABC_APP_KEY}, or null when unset
   * @param attempts tries of one call that meets a 429, a 5xx or no answer
   */
  public record Abc(String baseUrl, String appId, String appKey, Duration timeout, int attempts) {
    public Abc {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(timeout, "timeout");
    }

    public boolean hasCredentials() {
      return appId != null && appKey != null;
    }

    @Override
    public String toString() {
      return "Abc[baseUrl="
          + baseUrl
          + ", appId="
          + (appId == null ? "unset" : appId)
          + ", appKey="
          + (appKey == null ? "unset" : "***")
          + ", timeout="
          + timeout
          + ", attempts="
          + attempts
          + "]";
    }
  }

  public static final String ABC_DEFAULT_BASE_URL = "https://api.abcfinancial.com/rest";

  /**
   * ClubHub's API ({@code club_system.clubhub}).
   *
   * @param baseUrl the API host; {@link #CLUBHUB_DEFAULT_BASE_URL} unless a fake stands in
   * @param username from {@code GYMOPS_CLUBHUB_USERNAME}, or null when unset
   * @param password from {@code GYMOPS_CLUBHUB_PASSWORD}, or null when unset
   * @param pageSize rows asked for per page (ClubHub's apps ask for 100)
   * @param attempts tries of one call that meets a 429, a 5xx or no answer
   */
  public record ClubHub(
      String baseUrl,
      String username,
      String password,
      int pageSize,
      Duration timeout,
      int attempts) {
    public ClubHub {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(timeout, "timeout");
    }

    public boolean hasCredentials() {
      return username != null && password != null;
    }

    @Override
    public String toString() {
      return "ClubHub[baseUrl="
          + baseUrl
          + ", username="
          + (username == null ? "unset" : username)
          + ", password="
          + (password == null ? "unset" : "***")
          + ", pageSize="
          + pageSize
          + ", timeout="
          + timeout
          + ", attempts="
          + attempts
          + "]";
    }
  }

  public static final String CLUBHUB_DEFAULT_BASE_URL =
      "https://clubhub-ios-api.anytimefitness.com";

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
