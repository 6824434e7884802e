package com.gymops.config;

import com.gymops.domain.ClubId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration: clubs with their effective rules, database, messaging, how
 * {@code serve} runs, the agent, the door system, and the secrets of the webhooks.
 */
public record GymOpsConfig(
    List<ClubSettings> clubs,
    DatabaseSettings database,
    MessagingSettings messaging,
    ServerSettings server,
    AgentSettings agent,
    DoorSettings door,
    WebhookSecrets webhooks,
    ClubSystemSettings clubSystem,
    ApprovalSettings approvals,
    NotificationSettings notifications,
    PaymentSettings payments) {
  public GymOpsConfig {
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(approvals, "approvals");
    Objects.requireNonNull(notifications, "notifications");
    clubs = List.copyOf(clubs);
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(door, "door");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(clubSystem, "clubSystem");
  }

  /** A configuration without a payment provider's webhooks. */
  public GymOpsConfig(
      List<ClubSettings> clubs,
      DatabaseSettings database,
      MessagingSettings messaging,
      ServerSettings server,
      AgentSettings agent,
      DoorSettings door,
      WebhookSecrets webhooks,
      ClubSystemSettings clubSystem,
      ApprovalSettings approvals,
      NotificationSettings notifications) {
    this(
        clubs,
        database,
        messaging,
        server,
        agent,
        door,
        webhooks,
        clubSystem,
        approvals,
        notifications,
        PaymentSettings.NONE);
  }

  /**
   * A configuration whose webhooks refuse every caller (no secrets), fed by imports only, with the
   * default approvals and notifications.
   */
  public GymOpsConfig(
      List<ClubSettings> clubs,
      DatabaseSettings database,
      MessagingSettings messaging,
      ServerSettings server,
      AgentSettings agent,
      DoorSettings door) {
    this(
        clubs,
        database,
        messaging,
        server,
        agent,
        door,
        WebhookSecrets.NONE,
        ClubSystemSettings.LOCAL,
        ApprovalSettings.DEFAULTS,
        NotificationSettings.DEFAULTS);
  }

  /** A configuration with the default server, no agent (rules only) and GymOps' own doors. */
  public GymOpsConfig(
      List<ClubSettings> clubs, DatabaseSettings database, MessagingSettings messaging) {
    this(
        clubs,
        database,
        messaging,
        ServerSettings.DEFAULTS,
        AgentSettings.DEFAULTS,
        DoorSettings.BUILTIN);
  }

  /** The club configured as {@code id}, matched without case. */
  public Optional<ClubSettings> club(ClubId id) {
    return clubs.stream().filter(c -> c.club().id().sameAs(id)).findFirst();
  }
}
