package com.gymops.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Which door system carries out GymOps' locks and unlocks ({@code door}).
 *
 * @param system {@code builtin} (GymOps keeps the state; door systems read it), {@code http},
 *     {@code clubhub} (the club system's bans), or a door system's own API: {@code kisi}, {@code
 *     brivo}, {@code openpath} (docs/INTEGRATIONS.md)
 * @param http the REST calls of the {@code http} system, else null
 * @param api the door system's own API for {@code kisi}, {@code brivo} and {@code openpath}, else
 *     null
 */
public record DoorSettings(String system, Http http, Api api) {
  public static final DoorSettings BUILTIN = new DoorSettings("builtin", null);

  public static final String KISI_API_KEY_ENV = "GYMOPS_KISI_API_KEY";
  public static final String BRIVO_CLIENT_ID_ENV = "GYMOPS_BRIVO_CLIENT_ID";
  public static final String BRIVO_CLIENT_SECRET_ENV = "GYMOPS_BRIVO_CLIENT_SECRET";
  public static final String BRIVO_API_KEY_ENV = "GYMOPS_BRIVO_API_KEY";
  public static final String BRIVO_USERNAME_ENV = "GYMOPS_BRIVO_USERNAME";
  public static final String BRIVO_PASSWORD_ENV = "GYMOPS_BRIVO_PASSWORD";
  public static final String OPENPATH_EMAIL_ENV = "GYMOPS_OPENPATH_EMAIL";
  public static final String OPENPATH_PASSWORD_ENV = "GYMOPS_OPENPATH_PASSWORD";

  public static final String KISI_DEFAULT_BASE_URL = "https://api.kisi.io";
  public static final String BRIVO_DEFAULT_BASE_URL = "https://api.brivo.com";
  public static final String BRIVO_DEFAULT_TOKEN_URL = "https://auth.brivo.com/oauth/token";
  public static final String OPENPATH_DEFAULT_BASE_URL = "https://api.openpath.com";

  public DoorSettings {
    Objects.requireNonNull(system, "system");
    if (system.equals("http") && http == null) {
      throw new IllegalArgumentException("the http door system needs its calls");
    }
    if (isApi(system) && (api == null || !api.system().equals(system))) {
      throw new IllegalArgumentException("the " + system + " door system needs its API");
    }
  }

  public DoorSettings(String system, Http http) {
    this(system, http, null);
  }

  /** Whether {@code system} is a door system GymOps calls through its own API. */
  public static boolean isApi(String system) {
    return system.equals("kisi") || system.equals("brivo") || system.equals("openpath");
  }

  /** Whether GymOps calls a door system at all (the Settings page's health row). */
  public boolean callsOut() {
    return !system.equals("builtin");
  }

  /** How GymOps finds a member's user in the door system. */
  public enum Match {
    /** By the member's email, once; the user's id is then kept beside the member. */
    EMAIL,
    /** By the member's id in the club system, which the door system holds as its external id. */
    CLUB_SYSTEM_ID
  }

  /**
   * A door system's own API ({@code door.kisi}, {@code door.brivo}, {@code door.openpath}). Secrets
   * come from the environment and are null when unset; {@code gymops doctor} names them.
   *
   * @param system {@code kisi}, {@code brivo} or {@code openpath}
   * @param baseUrl the API host; the real one unless a fake stands in
   * @param tokenUrl Brivo's OAuth token endpoint, else null
   * @param orgId Openpath's organization id, else null
   * @param key Kisi's API key, or Brivo's {@code api-key}
   * @param clientId Brivo's OAuth client id, else null
   * @param clientSecret Brivo's OAuth client secret, else null
   * @param username Brivo's administrator, or Openpath's login email
   * @param password Brivo's administrator's, or Openpath's login password
   * @param match how a member's user is found
   * @param pageSize users asked for per page when looking one up
   * @param attempts tries of one call that meets a 429, a 5xx or no answer
   */
  public record Api(
      String system,
      String baseUrl,
      String tokenUrl,
      String orgId,
      String key,
      String clientId,
      String clientSecret,
      String username,
      String password,
      Match match,
      int pageSize,
      Duration timeout,
      int attempts) {
    public Api {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(timeout, "timeout");
    }

    /** The names of the environment variables this system needs and that are unset. */
    public java.util.List<String> missingSecrets() {
      java.util.List<String> missing = new java.util.ArrayList<>();
      switch (system) {
        case "kisi" -> addIfNull(missing, key, KISI_API_KEY_ENV);
        case "brivo" -> {
          addIfNull(missing, clientId, BRIVO_CLIENT_ID_ENV);
          addIfNull(missing, clientSecret, BRIVO_CLIENT_SECRET_ENV);
          addIfNull(missing, key, BRIVO_API_KEY_ENV);
          addIfNull(missing, username, BRIVO_USERNAME_ENV);
          addIfNull(missing, password, BRIVO_PASSWORD_ENV);
        }
        default -> {
          addIfNull(missing, username, OPENPATH_EMAIL_ENV);
          addIfNull(missing, password, OPENPATH_PASSWORD_ENV);
        }
      }
      return missing;
    }

    private static void addIfNull(java.util.List<String> missing, String value, String env) {
      if (value == null) {
        missing.add(env);
      }
    }

    @Override
    public String toString() {
      return "Api[system="
          + system
          + ", baseUrl="
          + baseUrl
          + ", tokenUrl="
          + tokenUrl
          + ", orgId="
          + orgId
          + ", key="
          + (key == null ? "unset" : "***")
          + ", clientId="
          + (clientId == null ? "unset" : clientId)
          + ", clientSecret="
          + (clientSecret == null ? "unset" : "***")
          + ", username="
          + (username == null ? "unset" : username)
          + ", password="
          + (password == null ? "unset" : "***")
          + ", match="
          + match
          + ", pageSize="
          + pageSize
          + ", timeout="
          + timeout
          + ", attempts="
          + attempts
          + "]";
    }
  }

  /**
   * The calls that suspend and restore one member in a door system's REST API.
   *
   * @param token bearer token from {@code GYMOPS_DOOR_TOKEN}, or null
   * @param attempts tries per call, the first included, before it counts as failed
   */
  public record Http(
      Call suspend,
      Call restore,
      Map<String, String> headers,
      String token,
      int timeoutSeconds,
      int attempts) {
    public Http {
      Objects.requireNonNull(suspend, "suspend");
      Objects.requireNonNull(restore, "restore");
      headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
      return "Http[suspend="
          + suspend
          + ", restore="
          + restore
          + ", headers="
          + headers.keySet()
          + ", token="
          + (token == null ? "none" : "***")
          + ", timeoutSeconds="
          + timeoutSeconds
          + ", attempts="
          + attempts
          + "]";
    }
  }

  /**
   * One REST call; {@code {member_id}} and {@code {external_id}} in the URL and body are replaced
   * by the member's id (URL-encoded in the URL).
   *
   * @param body the request body, or null for none
   */
  public record Call(String method, String url, String body) {
    public Call {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(url, "url");
    }
  }
}
