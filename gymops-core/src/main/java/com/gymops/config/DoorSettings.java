package com.gymops.config;

import java.util.Map;
import java.util.Objects;

/**
 * Which door system carries out GymOps' locks and unlocks ({@code door}).
 *
 * @param system {@code builtin} (GymOps keeps the state; door systems read it) or {@code http}
 * @param http the REST calls of the {@code http} system, else null
 */
public record DoorSettings(String system, Http http) {
  public static final DoorSettings BUILTIN = new DoorSettings("builtin", null);

  public DoorSettings {
    Objects.requireNonNull(system, "system");
    if (system.equals("http") && http == null) {
      throw new IllegalArgumentException("the http door system needs its calls");
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
