package com.gymops.application.console;

import com.gymops.application.port.store.IntegrationHealthStore;
import com.gymops.application.port.store.SyncStateStore;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.IntegrationHealth;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Settings page: each visible club's effective configuration and the integrations in use.
 * Secrets are never read here: only whether each is set.
 */
public final class SettingsQuery {
  /** The club system's watermark in {@code sync_state} (see {@code ClubSync}). */
  public static final String CLUB_SYSTEM_WATERMARK = "club-system:members";

  private final GymOpsConfig config;
  private final SyncStateStore syncState;
  private final IntegrationHealthStore health;

  public SettingsQuery(
      GymOpsConfig config, SyncStateStore syncState, IntegrationHealthStore health) {
    this.config = config;
    this.syncState = syncState;
    this.health = health;
  }

  /**
   * Twilio, SMTP, the door system, the club system and the payment provider's API: in use or not,
   * last success, last error (when and what), as recorded where GymOps calls them.
   */
  public List<HealthRow> health() {
    Map<String, IntegrationHealth> recorded = new HashMap<>();
    health.all().forEach(h -> recorded.put(h.name(), h));
    var messaging = config.messaging();
    Map<String, Boolean> inUse = new LinkedHashMap<>();
    inUse.put("twilio", messaging.smsProvider().equals("twilio"));
    inUse.put("smtp", messaging.emailProvider().equals("smtp"));
    inUse.put("door", config.door().callsOut());
    inUse.put("club_system", config.clubSystem().isHttp());
    inUse.put(
        "payment_provider",
        !config.payments().provider().equals("none")
            && (config.payments().stripe().apiKey() != null
                || config.payments().square().accessToken() != null));
    List<HealthRow> rows = new ArrayList<>();
    inUse.forEach(
        (name, used) -> {
          IntegrationHealth h = recorded.get(name);
          rows.add(
              new HealthRow(
                  name,
                  used,
                  h == null ? "never" : when(h.lastSuccessAt()),
                  h == null ? "never" : when(h.lastErrorAt()),
                  h == null || h.lastError() == null ? "" : h.lastError()));
        });
    return rows;
  }

  private static String when(Instant at) {
    return at == null ? "never" : at.truncatedTo(ChronoUnit.SECONDS) + " (UTC)";
  }

  public List<ClubSettingsView> clubs(ConsoleUser user) {
    List<ClubSettingsView> views = new ArrayList<>();
    for (ClubSettings club : config.clubs()) {
      if (!user.sees(club.club().id())) {
        continue;
      }
      views.add(
          new ClubSettingsView(
              club.club().id().value(), club.club().name(), SettingsWords.groups(club)));
    }
    return views;
  }

  public List<Setting> integrations() {
    List<Setting> settings = new ArrayList<>();
    var messaging = config.messaging();
    settings.add(
        new Setting("Texts sent by", provider(messaging.smsProvider()), "messaging.sms_provider"));
    if (messaging.smsProvider().equals("twilio") && messaging.twilio() != null) {
      settings.add(
          new Setting("Texts sent from", orDash(messaging.twilio().sender()), "twilio.sender"));
    }
    settings.add(
        new Setting(
            "Emails sent by", provider(messaging.emailProvider()), "messaging.email_provider"));
    if (messaging.emailProvider().equals("smtp") && messaging.smtp() != null) {
      settings.add(
          new Setting(
              "Mail server",
              messaging.smtp().host() + ", port " + messaging.smtp().port(),
              "messaging.smtp"));
    }
    settings.add(new Setting("Door system", provider(config.door().system()), "door.system"));
    if (config.door().api() != null) {
      var api = config.door().api();
      settings.add(
          new Setting(
              "Door system's address", api.baseUrl(), "door." + api.system() + ".base_url"));
      settings.add(
          new Setting(
              "Door system's credentials",
              api.missingSecrets().isEmpty()
                  ? "set"
                  : "not set: " + String.join(", ", api.missingSecrets()),
              ""));
    }
    settings.add(
        new Setting("Club system", provider(config.clubSystem().system()), "club_system.system"));
    settings.add(
        new Setting(
            "Members read from the club system up to",
            syncState.watermark(CLUB_SYSTEM_WATERMARK).map(SettingsQuery::when).orElse("never"),
            ""));
    if (config.payments().isSquare()) {
      var square = config.payments().square();
      settings.add(
          new Setting(
              "Square invoices made on demand",
              square.locationId() == null
                  ? "off: payments.square.location_id is not set"
                  : square.accessToken() == null
                      ? "off: GYMOPS_SQUARE_ACCESS_TOKEN is not set"
                      : "at location " + square.locationId(),
              "payments.square.location_id"));
    }
    settings.add(new Setting("Runs decided by", agentMode(config.agent().mode()), "agent.mode"));
    settings.add(new Setting("Agent's model", config.agent().model(), "agent.model"));
    settings.add(
        new Setting("Anthropic API key", isSet(config.agent().apiKey()), "ANTHROPIC_API_KEY"));
    settings.add(
        new Setting(
            "Twilio auth token", isSet(config.webhooks().twilioAuthToken()), "TWILIO_AUTH_TOKEN"));
    settings.add(
        new Setting(
            "Payments webhook secret",
            isSet(config.webhooks().paymentsSecret()),
            "GYMOPS_PAYMENTS_SECRET"));
    settings.add(
        new Setting(
            "Door export token",
            isSet(config.webhooks().doorExportToken()),
            "GYMOPS_DOOR_EXPORT_TOKEN"));
    return settings;
  }

  private static String provider(String code) {
    return switch (code) {
      case "twilio" -> "Twilio";
      case "smtp" -> "a mail server (SMTP)";
      case "log" -> "none: written to the log only";
      case "http" -> "connected over HTTP";
      case "builtin" -> "GymOps' own door list";
      case "kisi" -> "Kisi";
      case "brivo" -> "Brivo";
      case "openpath" -> "Avigilon Alta (Openpath)";
      case "clubhub" -> "ClubHub";
      case "abc" -> "ABC Evo";
      case "local" -> "none: members imported from files";
      default -> code;
    };
  }

  private static String agentMode(String mode) {
    return switch (mode) {
      case "rules" -> "the rules alone";
      case "agent" -> "the agent, the rules checking every action";
      case "shadow" -> "the rules, with the agent alongside changing nothing (shadow)";
      default -> mode;
    };
  }

  private static String isSet(String secret) {
    return secret == null || secret.isBlank() ? "not set" : "set";
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
