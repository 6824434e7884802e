package com.gymops.app;

import com.gymops.adapter.clubsystem.AbcSession;
import com.gymops.adapter.door.ApiDoorSystem;
import com.gymops.adapter.door.DoorApiException;
import com.gymops.adapter.sms.TwilioAccountCheck;
import com.gymops.adapter.sms.TwilioSmsGateway;
import com.gymops.adapter.web.Webhooks;
import com.gymops.application.messaging.SenderHealth;
import com.gymops.application.payments.OnDemandInvoices;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.store.SenderPauses;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.PaymentSettings;
import com.gymops.config.SmtpSettings;
import com.gymops.domain.Channel;
import com.gymops.domain.IntegrationHealth;
import com.gymops.domain.Plural;
import com.gymops.policy.MessageTemplates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gymops doctor}: checks what a club needs before GymOps can run for it — the database, the
 * templates, each configured provider and whether Twilio can reach the webhooks — and says what to
 * fix. Nothing is sent and nothing changes, except that opening the database applies its
 * migrations.
 */
public final class Doctor {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** One check: {@code problem} and {@code fix} are null when it passed. */
  public record Check(String name, String detail, String problem, String fix) {
    public boolean ok() {
      return problem == null;
    }

    static Check passed(String name, String detail) {
      return new Check(name, detail, null, null);
    }

    static Check failed(String name, String problem, String fix) {
      return new Check(name, null, problem, fix);
    }
  }

  private Doctor() {}

  /** Every check on a configuration that loaded. */
  /**
   * A club that names no time zone runs in the machine's, usually UTC on a server: its texts would
   * go out at night and its daily workflows at the wrong hour.
   *
   * @param withoutZone the ids of the clubs the configuration file lists without a timezone
   */
  public static Check timeZones(GymOpsConfig config, List<String> withoutZone) {
    if (withoutZone.isEmpty()) {
      return Check.passed(
          "time zones",
          config.clubs().stream()
              .map(club -> club.club().id() + " " + club.club().zone().getId())
              .collect(java.util.stream.Collectors.joining(", ")));
    }
    ZoneId machine =
        config.clubs().stream()
            .filter(club -> withoutZone.contains(club.club().id().value()))
            .map(club -> club.club().zone())
            .findFirst()
            .orElse(ZoneId.systemDefault());
    return Check.failed(
        "time zones",
        String.join(", ", withoutZone)
            + " names no timezone, so it runs in this machine's zone ("
            + machine.getId()
            + "): texting hours and schedules would be off",
        "add 'timezone: America/Chicago' (the club's own IANA zone) to each of those clubs");
  }

  public static List<Check> examine(GymOpsConfig config, Path dataDir, Clock clock) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.passed(
            "configuration",
            config.clubs().size() + (config.clubs().size() == 1 ? " club" : " clubs")));
    checks.add(templates(config));
    try (GymOpsApp app = GymOpsApp.open(config, dataDir, clock)) {
      checks.add(
          Check.passed(
              "database",
              (config.database().url() == null ? "embedded, " : config.database().url() + ", ")
                  + Plural.of(app.stores().members().count(), "member", "members")
                  + ", every migration applied"));
      if (config.agent().key().isPresent()) {
        checks.add(
            app.modelWarning()
                .map(
                    warning ->
                        Check.failed(
                            "agent model",
                            warning,
                            "set agent.model to a current model id (the Models API lists them)"))
                .orElseGet(
                    () -> Check.passed("agent model", config.agent().model() + ", current")));
      }
      clubSystem(config, app).ifPresent(checks::add);
      checks.addAll(
          chats(
              config,
              com.gymops.adapter.persistence.Persistence.integrationHealth(app.database()).all()));
      app.apiDoor().map(door -> door(config, door)).ifPresent(checks::add);
      for (SenderPauses.Pause pause : app.stores().senderPauses().all()) {
        checks.add(
            Check.failed(
                "sms sender",
                "texts from "
                    + pause.sender()
                    + " are paused since "
                    + pause.pausedAt()
                    + ": "
                    + pause.reason(),
                TwilioSmsGateway.senderProblemOf(Integer.toString(pause.errorCode()))
                    .map(SenderHealth::whatToFix)
                    .orElse(
                        "Check the sending number or messaging service in the Twilio console.")));
      }
    } catch (RuntimeException e) {
      checks.add(
          Check.failed(
              "database",
              "cannot be opened: " + e.getMessage(),
              "check database.url, GYMOPS_DATABASE_USER and GYMOPS_DATABASE_PASSWORD"));
    }
    checks.addAll(sms(config));
    smtp(config).ifPresent(checks::add);
    squareInvoices(config.payments()).ifPresent(checks::add);
    return checks;
  }

  /**
   * With Square as the payment provider, whether GymOps can make a Square invoice for a reminded
   * member without one (docs/INTEGRATIONS.md, "Invoices made on demand"). Nothing is called.
   */
  static Optional<Check> squareInvoices(PaymentSettings payments) {
    if (!payments.isSquare()) {
      return Optional.empty();
    }
    if (payments.square().locationId() == null) {
      return Optional.of(
          Check.failed(
              "square invoices",
              "payments.square.location_id is not set: a past-due member gets Square's pay link"
                  + " only from a failed invoice's webhook, else messaging.pay_link",
              "set payments.square.location_id to the location of the club's Square account"
                  + " (Square Dashboard, Account & Settings, Locations)"));
    }
    if (payments.square().accessToken() == null) {
      return Optional.of(
          Check.failed(
              "square invoices",
              "GYMOPS_SQUARE_ACCESS_TOKEN is not set: no invoice is made at location "
                  + payments.square().locationId(),
              "set GYMOPS_SQUARE_ACCESS_TOKEN to the application's access token"));
    }
    return Optional.of(
        Check.passed(
            "square invoices",
            "made on demand at location "
                + payments.square().locationId()
                + ", at most "
                + OnDemandInvoices.MAX_PER_RUN
                + " a run"));
  }

  /**
   * The managers' Slack and Teams webhooks, redacted, and how each last answered: a post that
   * failed after the last one that went through is a problem (docs/INTEGRATIONS.md, "Chat
   * webhooks"). Nothing is posted: a test message would land in the manager's channel.
   */
  static List<Check> chats(GymOpsConfig config, List<IntegrationHealth> health) {
    List<Check> checks = new ArrayList<>();
    for (Channel channel : List.of(Channel.SLACK, Channel.TEAMS)) {
      List<String> where = new ArrayList<>();
      for (var club : config.clubs()) {
        config.notifications().chats(club.club().id()).stream()
            .filter(chat -> chat.channel() == channel)
            .forEach(
                chat ->
                    where.add(club.club().id() + " " + chat.redacted() + " (" + chat.env() + ")"));
      }
      if (where.isEmpty()) {
        continue;
      }
      String name = channel.code() + " webhook";
      String configured = String.join(", ", where);
      Optional<IntegrationHealth> last =
          health.stream().filter(h -> h.name().equals(channel.code())).findFirst();
      if (last.isPresent()
          && last.get().lastErrorAt() != null
          && (last.get().lastSuccessAt() == null
              || last.get().lastErrorAt().isAfter(last.get().lastSuccessAt()))) {
        checks.add(
            Check.failed(
                name,
                configured
                    + "; the last post failed at "
                    + last.get().lastErrorAt()
                    + ": "
                    + last.get().lastError(),
                "check the webhook in "
                    + channel.code()
                    + " and the URL in the environment variable; alerts still go by text or"
                    + " email"));
      } else {
        checks.add(
            Check.passed(
                name,
                configured
                    + last.map(h -> h.lastSuccessAt())
                        .filter(java.util.Objects::nonNull)
                        .map(at -> "; last post went through at " + at)
                        .orElse("; nothing posted yet")));
      }
    }
    return checks;
  }

  /**
   * Logs in to ClubHub (reads nothing), or reads ABC Evo's record of the first club, and shows how
   * far the last pull got.
   */
  private static Optional<Check> clubSystem(GymOpsConfig config, GymOpsApp app) {
    if (config.clubSystem().system().equals("local")) {
      return Optional.empty();
    }
    String lastPull =
        app.clubSync().lastPull().map(at -> "last pull up to " + at).orElse("never pulled yet");
    if (app.abc().isPresent()) {
      return Optional.of(abc(config, app.abc().get(), lastPull));
    }
    if (app.clubHub().isEmpty()) {
      return Optional.of(
          Check.passed("club system", config.clubSystem().system() + ", " + lastPull));
    }
    try {
      app.clubHub().get().login();
      return Optional.of(
          Check.passed(
              "club system",
              "clubhub, " + config.clubSystem().clubhub().username() + " logged in, " + lastPull));
    } catch (com.gymops.application.port.ClubSystemException e) {
      return Optional.of(
          Check.failed(
              "club system",
              e.getMessage() + " (" + lastPull + ")",
              "set GYMOPS_CLUBHUB_USERNAME and GYMOPS_CLUBHUB_PASSWORD to a ClubHub user of the"
                  + " club, and check club_system.clubhub.base_url"));
    }
  }

  /** Logs in to the door system (Brivo, Openpath) or uses Kisi's key, and reads one user. */
  private static Check door(GymOpsConfig config, ApiDoorSystem door) {
    var api = config.door().api();
    try {
      return Check.passed("door system", door.check());
    } catch (DoorApiException e) {
      String secrets =
          switch (api.system()) {
            case "kisi" -> com.gymops.config.DoorSettings.KISI_API_KEY_ENV;
            case "brivo" ->
                "GYMOPS_BRIVO_CLIENT_ID, GYMOPS_BRIVO_CLIENT_SECRET, GYMOPS_BRIVO_API_KEY,"
                    + " GYMOPS_BRIVO_USERNAME and GYMOPS_BRIVO_PASSWORD";
            default -> "GYMOPS_OPENPATH_EMAIL and GYMOPS_OPENPATH_PASSWORD";
          };
      return Check.failed(
          "door system",
          e.getMessage(),
          "set "
              + secrets
              + " to the door system's credentials, and check door."
              + api.system()
              + ".base_url"
              + (api.system().equals("openpath") ? " and door.openpath.org_id" : ""));
    }
  }

  private static Check abc(GymOpsConfig config, AbcSession abc, String lastPull) {
    Optional<String> club =
        config.clubSystem().clubNumbers().entrySet().stream()
            .sorted((one, other) -> one.getKey().value().compareTo(other.getKey().value()))
            .map(Map.Entry::getValue)
            .findFirst();
    if (club.isEmpty()) {
      return Check.failed(
          "club system",
          "abc, no club has a club_system_id (" + lastPull + ")",
          "set clubs[].club_system_id to each club's number in ABC Evo");
    }
    try {
      abc.check(club.get());
      return Check.passed(
          "club system",
          "abc, app_id "
              + config.clubSystem().abc().appId()
              + " read club "
              + club.get()
              + ", "
              + lastPull);
    } catch (ClubSystemException e) {
      return Check.failed(
          "club system",
          e.getMessage() + " (" + lastPull + ")",
          "set GYMOPS_ABC_APP_ID and GYMOPS_ABC_APP_KEY to the club's ABC Evo API keys, and check"
              + " club_system.abc.base_url and clubs[].club_system_id");
    }
  }

  private static Check templates(GymOpsConfig config) {
    // Problems were reported with the configuration; this proves they also render.
    MessageTemplates templates =
        new MessageTemplates(config.messaging().templates(), config.messaging().optOutText());
    return Check.passed("templates", templates.all().size() + " templates, every one valid");
  }

  private static List<Check> sms(GymOpsConfig config) {
    List<Check> checks = new ArrayList<>();
    if (!config.messaging().smsProvider().equals("twilio")) {
      checks.add(
          Check.passed(
              "sms", "provider " + config.messaging().smsProvider() + ": texts go to the log"));
      return checks;
    }
    TwilioAccountCheck.Finding twilio = new TwilioAccountCheck(config.messaging().twilio()).check();
    checks.add(
        twilio.ok()
            ? Check.passed("twilio", twilio.detail())
            : Check.failed("twilio", twilio.problem(), twilio.fix()));
    String base = config.messaging().publicBaseUrl();
    if (base == null) {
      checks.add(
          Check.failed(
              "webhooks",
              "messaging.public_base_url is not set: Twilio cannot deliver STOP replies or"
                  + " delivery callbacks",
              "set messaging.public_base_url to the https address where gymops serve is"
                  + " reachable"));
    } else {
      checks.add(reachable(base));
    }
    return checks;
  }

  private static Check reachable(String base) {
    String url = base + "/health";
    try {
      HttpResponse<Void> answer =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() == 200) {
        return Check.passed(
            "webhooks",
            url + " answers; Twilio's webhooks go to " + base + Webhooks.TWILIO_INBOUND);
      }
      return Check.failed(
          "webhooks",
          url + " answered HTTP " + answer.statusCode(),
          "make gymops serve reachable at messaging.public_base_url");
    } catch (IOException | IllegalArgumentException e) {
      return Check.failed(
          "webhooks",
          url + " cannot be reached from here: " + e.getMessage(),
          "start gymops serve and make it reachable at messaging.public_base_url");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.failed("webhooks", "interrupted", "run it again");
    }
  }

  private static Optional<Check> smtp(GymOpsConfig config) {
    SmtpSettings smtp = config.messaging().smtp();
    if (!config.messaging().emailProvider().equals("smtp") || smtp == null) {
      return Optional.empty();
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(smtp.host(), smtp.port()), (int) TIMEOUT.toMillis());
      return Optional.of(
          Check.passed("smtp", smtp.host() + ":" + smtp.port() + " accepts connections"));
    } catch (IOException e) {
      return Optional.of(
          Check.failed(
              "smtp",
              smtp.host() + ":" + smtp.port() + " cannot be reached: " + e.getMessage(),
              "check messaging.smtp.host and port"));
    }
  }
}
