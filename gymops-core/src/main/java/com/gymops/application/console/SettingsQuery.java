package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.gymops.application.port.store.IntegrationHealthStore;
import com.gymops.application.port.store.SyncStateStore;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.IntegrationHealth;
import com.gymops.domain.WorkflowId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Settings page: each visible club's effective configuration and the integrations in use.
 * Secrets are never read here: only whether each is set.
 */
public final class SettingsQuery {
  /** The club system's watermark in {@code sync_state} (see {@code ClubSync}). */
  public static final String CLUB_SYSTEM_WATERMARK = "club-system:members";

  private static final ObjectMapper RULES =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

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
    inUse.put("door", config.door().system().equals("http"));
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
      List<Setting> settings = new ArrayList<>();
      settings.add(new Setting("timezone", club.club().zone().getId()));
      settings.add(new Setting("manager.phone", orDash(club.club().managerPhone())));
      settings.add(new Setting("manager.email", orDash(club.club().managerEmail())));
      for (WorkflowId workflow : WorkflowId.values()) {
        WorkflowSchedule schedule =
            Optional.ofNullable(club.workflow(workflow))
                .orElse(WorkflowSchedule.defaultFor(workflow));
        settings.add(
            new Setting(
                workflow.id(),
                (schedule.enabled() ? "enabled, " : "disabled, ") + schedule.schedule()));
      }
      flatten("", RULES.valueToTree(club.policy()), settings);
      views.add(new ClubSettingsView(club.club().id().value(), club.club().name(), settings));
    }
    return views;
  }

  public List<Setting> integrations() {
    List<Setting> settings = new ArrayList<>();
    var messaging = config.messaging();
    settings.add(new Setting("messaging.sms_provider", messaging.smsProvider()));
    if (messaging.smsProvider().equals("twilio") && messaging.twilio() != null) {
      settings.add(new Setting("twilio.sender", orDash(messaging.twilio().sender())));
    }
    settings.add(new Setting("messaging.email_provider", messaging.emailProvider()));
    if (messaging.emailProvider().equals("smtp") && messaging.smtp() != null) {
      settings.add(
          new Setting("messaging.smtp", messaging.smtp().host() + ":" + messaging.smtp().port()));
    }
    settings.add(new Setting("door.system", config.door().system()));
    settings.add(new Setting("club_system.system", config.clubSystem().system()));
    settings.add(
        new Setting(
            "club_system: pulled up to",
            syncState.watermark(CLUB_SYSTEM_WATERMARK).map(Object::toString).orElse("never")));
    settings.add(new Setting("agent.mode", config.agent().mode()));
    settings.add(new Setting("agent.model", config.agent().model()));
    settings.add(new Setting("ANTHROPIC_API_KEY", isSet(config.agent().apiKey())));
    settings.add(new Setting("TWILIO_AUTH_TOKEN", isSet(config.webhooks().twilioAuthToken())));
    settings.add(new Setting("GYMOPS_PAYMENTS_SECRET", isSet(config.webhooks().paymentsSecret())));
    settings.add(
        new Setting("GYMOPS_DOOR_EXPORT_TOKEN", isSet(config.webhooks().doorExportToken())));
    return settings;
  }

  private static void flatten(String prefix, JsonNode node, List<Setting> into) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            into);
      }
    } else {
      into.add(new Setting(prefix, node.isValueNode() ? node.asText() : node.toString()));
    }
  }

  private static String isSet(String secret) {
    return secret == null || secret.isBlank() ? "not set" : "set";
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
