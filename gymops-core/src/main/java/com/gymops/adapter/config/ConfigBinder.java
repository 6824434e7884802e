package com.gymops.adapter.config;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.gymops.config.AgentSettings;
import com.gymops.config.ApprovalSettings;
import com.gymops.config.ChatWebhook;
import com.gymops.config.ClubSettings;
import com.gymops.config.ClubSystemSettings;
import com.gymops.config.ConfigException;
import com.gymops.config.DatabaseSettings;
import com.gymops.config.DoorSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.MessagingSettings;
import com.gymops.config.NotificationSettings;
import com.gymops.config.PaymentSettings;
import com.gymops.config.ServerSettings;
import com.gymops.config.SmtpSettings;
import com.gymops.config.TwilioSettings;
import com.gymops.config.WebhookSecrets;
import com.gymops.domain.Channel;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.UsState;
import com.gymops.policy.MessageTemplates;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds a parsed document to {@link GymOpsConfig}, collecting every problem on the way. */
final class ConfigBinder {
  static final String DATABASE_URL_ENV = "GYMOPS_DATABASE_URL";
  static final String DATABASE_USER_ENV = "GYMOPS_DATABASE_USER";
  static final String DATABASE_PASSWORD_ENV = "GYMOPS_DATABASE_PASSWORD";

  static final String TWILIO_ACCOUNT_SID_ENV = "TWILIO_ACCOUNT_SID";
  static final String TWILIO_AUTH_TOKEN_ENV = "TWILIO_AUTH_TOKEN";
  static final String TWILIO_FROM_ENV = "TWILIO_FROM";
  static final String TWILIO_MESSAGING_SERVICE_ENV = "TWILIO_MESSAGING_SERVICE_SID";
  static final String TWILIO_BASE_URL_ENV = "TWILIO_BASE_URL";
  static final String SMTP_PASSWORD_ENV = "GYMOPS_SMTP_PASSWORD";
  static final String DOOR_TOKEN_ENV = "GYMOPS_DOOR_TOKEN";

  private static final List<String> SMS_PROVIDERS = List.of("log", "twilio");
  private static final List<String> EMAIL_PROVIDERS = List.of("log", "smtp");
  private static final List<String> DOOR_SYSTEMS =
      List.of("builtin", "http", "clubhub", "kisi", "brivo", "openpath");
  private static final List<String> CLUB_SYSTEMS = List.of("local", "http", "clubhub", "abc");
  private static final List<String> PAYMENT_PROVIDERS = List.of("none", "stripe", "square");
  private static final List<String> CONSENT_SOURCES = List.of("club_system", "attested");
  private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("[a-z0-9_]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final java.util.Set<String> LOOPBACK_HOSTS =
      java.util.Set.of("127.0.0.1", "localhost", "[::1]");

  private final Map<String, String> env;
  private final ZoneId systemZone;
  private final List<String> problems;
  private final Map<ClubId, String> clubNumbers = new HashMap<>();
  private final java.util.Set<ClubId> consentAttested = new java.util.HashSet<>();
  private final Map<ClubId, List<ChatWebhook>> chats = new HashMap<>();

  ConfigBinder(Map<String, String> env, ZoneId systemZone, List<String> problems) {
    this.env = Map.copyOf(env);
    this.systemZone = systemZone;
    this.problems = problems;
  }

  GymOpsConfig bind(ConfigNode root) {
    MessagingSettings messaging = messaging(root.section("messaging"));
    DoorSettings door = door(root.section("door"));
    ClubSystemSettings clubSystem = clubSystem(root.section("club_system"));
    DatabaseSettings database = database(root.section("database"));
    AgentSettings agent = agent(root.section("agent"));
    ApprovalSettings approvals = approvals(root.section("approvals"));
    PaymentSettings payments = payments(root.section("payments"));
    ClubRules global = RuleSections.read(root, ClubRules.DEFAULTS, false);
    List<ClubSettings> clubs =
        clubs(root, global, messaging.defaultRegion()).stream()
            .map(
                c ->
                    new ClubSettings(
                        c.club(), c.policy().withApprovals(approvals.gates()), c.workflows()))
            .toList();
    NotificationSettings notifications =
        notifications(root.section("notifications")).withChats(chats);
    ServerSettings server = server(root.section("server"), agent);
    clubSystem = withClubNumbers(clubSystem, clubs);
    if (door.system().equals("clubhub") && !clubSystem.isClubHub()) {
      problems.add("door.system: clubhub needs club_system.system: clubhub");
    }
    if (door.api() != null
        && door.api().match() == DoorSettings.Match.CLUB_SYSTEM_ID
        && clubSystem.system().equals("local")) {
      problems.add(
          "door."
              + door.system()
              + ".match: club_system_id needs a club system that keeps its own ids"
              + " (club_system.system: clubhub, abc or http)");
    }
    root.reportUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    WebhookSecrets webhooks =
        new WebhookSecrets(
            fromEnv(TWILIO_AUTH_TOKEN_ENV).orElse(null),
            fromEnv(WebhookSecrets.PAYMENTS_SECRET_ENV).orElse(null),
            fromEnv(WebhookSecrets.DOOR_EXPORT_TOKEN_ENV).orElse(null));
    return new GymOpsConfig(
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
        payments);
  }

  /** {@code payments}: the provider, its hosts, and its secrets from the environment. */
  private PaymentSettings payments(ConfigNode section) {
    String provider =
        section.value(
            "provider", "none", text -> provider("payment provider", text, PAYMENT_PROVIDERS));
    boolean wait = section.bool("wait_for_provider_retry", false);
    ConfigNode stripe = section.section("stripe");
    for (String secret : List.of("webhook_secret", "api_key", "secret_key")) {
      stripe.forbid(
          secret,
          "secrets come from the environment: set "
              + PaymentSettings.STRIPE_WEBHOOK_SECRET_ENV
              + " and "
              + PaymentSettings.STRIPE_API_KEY_ENV);
    }
    String stripeUrl =
        stripe
            .optional("base_url", ConfigBinder::httpUrl)
            .orElse(PaymentSettings.STRIPE_DEFAULT_BASE_URL);
    Duration tolerance =
        Duration.ofSeconds(
            stripe.integer(
                "tolerance_seconds",
                (int) PaymentSettings.STRIPE_DEFAULT_TOLERANCE.toSeconds(),
                1,
                3_600));
    ConfigNode square = section.section("square");
    for (String secret : List.of("signature_key", "access_token")) {
      square.forbid(
          secret,
          "secrets come from the environment: set "
              + PaymentSettings.SQUARE_SIGNATURE_KEY_ENV
              + " and "
              + PaymentSettings.SQUARE_ACCESS_TOKEN_ENV);
    }
    String squareUrl =
        square
            .optional("base_url", ConfigBinder::httpUrl)
            .orElse(PaymentSettings.SQUARE_DEFAULT_BASE_URL);
    String notificationUrl =
        square.optional("notification_url", ConfigBinder::notificationUrl).orElse(null);
    String version = square.text("version", PaymentSettings.SQUARE_DEFAULT_VERSION);
    String locationId = square.optional("location_id", ConfigBinder::squareId).orElse(null);
    if (provider.equals("square") && notificationUrl == null) {
      square.problemAt(
          "notification_url",
          "is needed with payments.provider: square: the URL given to Square for the"
              + " subscription, which Square's signature covers");
    }
    return new PaymentSettings(
        provider,
        new PaymentSettings.Stripe(
            stripeUrl,
            fromEnv(PaymentSettings.STRIPE_WEBHOOK_SECRET_ENV).orElse(null),
            fromEnv(PaymentSettings.STRIPE_API_KEY_ENV).orElse(null),
            tolerance),
        new PaymentSettings.Square(
            squareUrl,
            fromEnv(PaymentSettings.SQUARE_SIGNATURE_KEY_ENV).orElse(null),
            fromEnv(PaymentSettings.SQUARE_ACCESS_TOKEN_ENV).orElse(null),
            notificationUrl,
            version,
            locationId),
        wait);
  }

  /** A Square object id such as a location's: letters and digits, as Square's are. */
  private static String squareId(String text) {
    if (!text.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Square location id (letters and digits, as L1234ABCD)");
    }
    return text;
  }

  /** Kept as written: Square signs the notification URL byte for byte. */
  private static String notificationUrl(String text) {
    if (!text.startsWith("https://") && !text.startsWith("http://")) {
      throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL");
    }
    return text;
  }

  private static ApprovalSettings approvals(ConfigNode section) {
    ApprovalSettings defaults = ApprovalSettings.DEFAULTS;
    boolean breaker = section.bool("breaker", defaults.breaker());
    Duration timeout = section.duration("timeout", defaults.timeout());
    int recipients =
        section.integer("campaign_recipients", defaults.campaignRecipients(), 1, Integer.MAX_VALUE);
    boolean largeCampaign = section.bool("large_campaign", defaults.largeCampaign());
    boolean referralList = section.bool("referral_list", defaults.referralList());
    boolean everyLock = section.bool("every_lock", defaults.everyLock());
    return section.build(
        () ->
            new ApprovalSettings(
                breaker, timeout, recipients, largeCampaign, referralList, everyLock),
        defaults);
  }

  /** {@code daily_summary_at}: a time of day, or {@code off} (YAML may read it as false). */
  private static NotificationSettings notifications(ConfigNode section) {
    return section
        .optional(
            "daily_summary_at",
            text ->
                text.equalsIgnoreCase("off") || text.equalsIgnoreCase("false")
                    ? NotificationSettings.OFF
                    : new NotificationSettings(ConfigNode.parseTimeOfDay(text)))
        .orElse(NotificationSettings.DEFAULTS);
  }

  /** The key only from the environment; the base URL from the file, else the environment. */
  private AgentSettings agent(ConfigNode section) {
    AgentSettings defaults = AgentSettings.DEFAULTS;
    section.forbid(
        "api_key", "secrets come from the environment: set " + AgentSettings.API_KEY_ENV);
    Optional<String> key = fromEnv(AgentSettings.API_KEY_ENV);
    String mode =
        section.value("mode", key.isPresent() ? "agent" : "rules", ConfigBinder::agentMode);
    String model = section.text("model", defaults.model());
    String baseUrl =
        section
            .optional("base_url", ConfigBinder::httpUrl)
            .or(() -> fromEnv(AgentSettings.BASE_URL_ENV))
            .orElse(null);
    int maxTurns = section.integer("max_turns", defaults.maxTurns(), 1, 1000);
    int maxToolCalls = section.integer("max_tool_calls", defaults.maxToolCalls(), 1, 10_000);
    int maxInputTokens =
        section.integer(
            "max_input_tokens", (int) defaults.maxInputTokens(), 1000, Integer.MAX_VALUE);
    int maxSeconds =
        section.integer("max_seconds", (int) defaults.maxTime().toSeconds(), 1, 86_400);
    return new AgentSettings(
        mode,
        model,
        baseUrl,
        key.orElse(null),
        maxTurns,
        maxToolCalls,
        maxInputTokens,
        java.time.Duration.ofSeconds(maxSeconds),
        defaults.maxOutputTokens(),
        defaults.maxRetries(),
        defaults.requestTimeout(),
        section.value("review_when", defaults.reviewWhen(), ConfigBinder::reviewWhen),
        section.value("review_every", defaults.reviewEvery(), ConfigBinder::reviewEvery),
        section.value("tools", defaults.tools(), ConfigBinder::toolSet));
  }

  private static String toolSet(String text) {
    String set = text.trim();
    if (!AgentSettings.TOOLS.contains(set)) {
      throw new IllegalArgumentException("'" + text + "' is not a tool set (use plan or seed)");
    }
    return set;
  }

  private static String reviewWhen(String text) {
    String when = text.trim();
    if (!AgentSettings.REVIEW_WHEN.contains(when)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a review_when (use always, exceptions or never)");
    }
    return when;
  }

  private static String reviewEvery(String text) {
    String every = text.trim();
    if (!AgentSettings.REVIEW_EVERY.contains(every)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a review_every (use day: one review a day per workflow, or run)");
    }
    return every;
  }

  private static String agentMode(String text) {
    String mode = text.trim();
    if (!AgentSettings.MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a mode (use rules, agent or shadow)");
    }
    return mode;
  }

  private List<ClubSettings> clubs(ConfigNode root, ClubRules global, String region) {
    Optional<List<ConfigNode>> listed = root.list("clubs");
    if (listed.isEmpty()) {
      Club main = new Club(new ClubId("main"), "Main Club", systemZone, null, null);
      // One club without a clubs list: the default variables, if set, are its manager's chats.
      List<ChatWebhook> mainChats = new ArrayList<>();
      defaultChat(Channel.SLACK, ChatWebhook.SLACK_ENV).ifPresent(mainChats::add);
      defaultChat(Channel.TEAMS, ChatWebhook.TEAMS_ENV).ifPresent(mainChats::add);
      if (!mainChats.isEmpty()) {
        chats.put(main.id(), mainChats);
      }
      return List.of(new ClubSettings(main, global.policy(), global.workflows()));
    }
    if (listed.get().isEmpty()) {
      root.problemAt("clubs", "list at least one club, or leave 'clubs' out for one club 'main'");
    }
    List<ClubSettings> clubs = new ArrayList<>();
    // Keyed without case: NYC01 and nyc01 are one club to every file and command.
    Map<String, String> pathById = new HashMap<>();
    for (ConfigNode node : listed.get()) {
      Optional<ClubId> id = node.required("id", ClubId::new);
      Optional<String> key = id.map(value -> value.value().toLowerCase(Locale.ROOT));
      key.filter(pathById::containsKey)
          .ifPresent(
              duplicate ->
                  node.problemAt(
                      "id", "'" + id.get() + "' is already the id of " + pathById.get(duplicate)));
      key.ifPresent(value -> pathById.putIfAbsent(value, node.path()));
      String name = node.text("name", id.map(ClubId::value).orElse("?"));
      ZoneId zone = node.zone("timezone", systemZone);
      ConfigNode manager = node.section("manager");
      String phone = manager.optional("phone", text -> phoneNumber(text, region)).orElse(null);
      String email = manager.optional("email", ConfigBinder::email).orElse(null);
      List<ChatWebhook> clubChats = new ArrayList<>();
      chat(manager, "slack", Channel.SLACK, ChatWebhook.SLACK_ENV).ifPresent(clubChats::add);
      chat(manager, "teams", Channel.TEAMS, ChatWebhook.TEAMS_ENV).ifPresent(clubChats::add);
      if (!clubChats.isEmpty()) {
        id.ifPresent(value -> chats.put(value, clubChats));
      }
      String frontDesk =
          node.optional("front_desk_phone", text -> phoneNumber(text, region)).orElse(null);
      UsState state = node.optional("state", UsState::parse).orElse(null);
      Optional<String> clubNumber = node.optionalText("club_system_id").map(String::trim);
      String consent =
          node.value(
              "club_system_consent",
              "club_system",
              text -> provider("club_system_consent", text, CONSENT_SOURCES));
      id.ifPresent(value -> clubNumber.ifPresent(number -> clubNumbers.put(value, number)));
      if (consent.equals("attested")) {
        id.ifPresent(consentAttested::add);
      }
      ClubRules rules = RuleSections.read(node, global, true);
      id.ifPresent(
          value ->
              clubs.add(
                  new ClubSettings(
                      new Club(value, name, zone, phone, email, frontDesk, state),
                      rules.policy(),
                      rules.workflows())));
    }
    return clubs;
  }

  /**
   * {@code manager.<kind>_webhook_url_env}: the variable that holds the club's webhook URL. Named,
   * it must be set; not named, {@code defaultEnv} is used when set (every club's manager then gets
   * the same chat). The URL itself is never accepted from the file, and never echoed.
   */
  private Optional<ChatWebhook> chat(
      ConfigNode manager, String kind, Channel channel, String defaultEnv) {
    manager.forbid(
        kind + "_webhook_url",
        "the webhook URL is a secret: put it in an environment variable and name that variable in "
            + kind
            + "_webhook_url_env (default "
            + defaultEnv
            + ")");
    String key = kind + "_webhook_url_env";
    Optional<String> named = manager.optional(key, ConfigBinder::envName);
    if (named.isEmpty()) {
      return defaultChat(channel, defaultEnv);
    }
    Optional<String> url = fromEnv(named.get());
    if (url.isEmpty()) {
      manager.problemAt(key, named.get() + " is not set in the environment");
      return Optional.empty();
    }
    return webhook(channel, named.get(), url.get());
  }

  private Optional<ChatWebhook> defaultChat(Channel channel, String env) {
    return fromEnv(env).flatMap(url -> webhook(channel, env, url));
  }

  private Optional<ChatWebhook> webhook(Channel channel, String env, String text) {
    try {
      return Optional.of(new ChatWebhook(channel, env, webhookUrl(text)));
    } catch (IllegalArgumentException e) {
      String problem = env + " (environment): " + e.getMessage();
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
      return Optional.empty();
    }
  }

  /**
   * An https URL, or http to this machine (a test's fake). The message shows the URL redacted: its
   * path is the webhook's secret.
   */
  static String webhookUrl(String text) {
    String url = text.trim();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          ChatWebhook.redact(url) + " is not a valid URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          ChatWebhook.redact(url) + " is not an https:// webhook URL");
    }
    if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(uri.getHost())) {
      throw new IllegalArgumentException(
          ChatWebhook.redact(url)
              + " must use https: the URL's path is a secret and plain http shows it on the way");
    }
    if (uri.getRawPath() == null || uri.getRawPath().length() <= 1) {
      throw new IllegalArgumentException(
          ChatWebhook.redact(url) + " has no path: copy the whole webhook URL");
    }
    return url;
  }

  private static String envName(String text) {
    String name = text.trim();
    if (!ENV_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not an environment variable name (letters, digits and _, e.g."
              + " GYMOPS_SLACK_WEBHOOK_URL)");
    }
    return name;
  }

  private DatabaseSettings database(ConfigNode section) {
    section.forbid("password", "secrets come from the environment: set " + DATABASE_PASSWORD_ENV);
    String url = section.optional("url", ConfigBinder::jdbcUrl).orElse(null);
    String user = section.optionalText("user").orElse(null);
    int poolSize = section.integer("pool_size", DatabaseSettings.EMBEDDED.poolSize(), 1, 100);
    Optional<String> envUrl = fromEnv(DATABASE_URL_ENV);
    if (envUrl.isPresent()) {
      try {
        url = jdbcUrl(envUrl.get());
      } catch (IllegalArgumentException e) {
        problems.add(DATABASE_URL_ENV + " (environment): " + e.getMessage());
      }
    }
    user = fromEnv(DATABASE_USER_ENV).orElse(user);
    String password = fromEnv(DATABASE_PASSWORD_ENV).orElse(null);
    return new DatabaseSettings(url, user, password, poolSize);
  }

  private ServerSettings server(ConfigNode section, AgentSettings agent) {
    ServerSettings defaults = ServerSettings.DEFAULTS;
    int port = section.integer("port", defaults.port(), 0, 65535);
    Duration heartbeat = section.duration("heartbeat_interval", defaults.heartbeatInterval());
    // db-scheduler refuses fewer than 4 ("Heartbeat-limit must be at least 4") when serve starts.
    int missed = section.integer("missed_heartbeats", defaults.missedHeartbeats(), 4, 100);
    int threads = section.integer("threads", defaults.threads(), 1, 64);
    String publicUrl = section.optional("public_url", ConfigBinder::httpUrl).orElse(null);
    Duration idle = section.duration("session_idle_timeout", defaults.sessionIdle());
    Duration maxAge = section.duration("session_max_age", defaults.sessionMaxAge());
    Duration lease = section.duration("run_lease", null);
    int retentionDays = section.integer("retention_days", defaults.retentionDays(), 1, 36_500);
    if (lease != null && lease.compareTo(agent.maxTime()) <= 0) {
      section.problemAt(
          "run_lease",
          "must be longer than agent.max_seconds ("
              + agent.maxTime().toSeconds()
              + "s): a run's lease must outlast the run, or another run could take it over");
    }
    return section.build(
        () ->
            new ServerSettings(
                port, heartbeat, missed, threads, publicUrl, idle, maxAge, lease, retentionDays),
        defaults);
  }

  private MessagingSettings messaging(ConfigNode section) {
    MessagingSettings defaults = MessagingSettings.DEFAULTS;
    // With Twilio's credentials in the environment and no explicit choice, texts go by Twilio:
    // setting the secrets is the unmistakable sign that real texts are wanted (README).
    Optional<String> chosenSms =
        section.optional("sms_provider", text -> provider("SMS", text, SMS_PROVIDERS));
    String smsProvider =
        chosenSms.orElse(
            fromEnv(TWILIO_ACCOUNT_SID_ENV).isPresent()
                    && fromEnv(TWILIO_AUTH_TOKEN_ENV).isPresent()
                ? "twilio"
                : defaults.smsProvider());
    String emailProvider =
        section.value(
            "email_provider",
            defaults.emailProvider(),
            text -> provider("email", text, EMAIL_PROVIDERS));
    String region = section.value("default_region", defaults.defaultRegion(), ConfigBinder::region);
    String optOut = section.text("opt_out_text", defaults.optOutText());
    Map<String, String> templates = section.textMap("templates", TEMPLATE_KEY);
    // Checked here, not first when a run renders them, so 'schedule', 'dispatch' and every other
    // command see every template problem at once.
    MessageTemplates.problems(templates)
        .forEach(problem -> section.problemAt("templates", problem));
    MessageTemplates.optOutProblem(optOut)
        .ifPresent(problem -> section.problemAt("opt_out_text", problem));
    int rate = section.integer("sms_rate_per_second", defaults.smsRatePerSecond(), 1, 1000);
    String publicBaseUrl = section.optional("public_base_url", ConfigBinder::httpUrl).orElse(null);
    String payLink = section.optional("pay_link", PayLinkTemplate::check).orElse(null);
    TwilioSettings twilio = smsProvider.equals("twilio") ? twilio(section) : null;
    SmtpSettings smtp = smtp(section.section("smtp"), emailProvider.equals("smtp"));
    if (smsProvider.equals("twilio") && twilio == null
        || emailProvider.equals("smtp") && smtp == null) {
      return defaults;
    }
    return new MessagingSettings(
        smsProvider,
        emailProvider,
        region,
        optOut,
        templates,
        rate,
        publicBaseUrl,
        twilio,
        smtp,
        payLink);
  }

  private TwilioSettings twilio(ConfigNode section) {
    Optional<String> sid = fromEnv(TWILIO_ACCOUNT_SID_ENV);
    Optional<String> token = fromEnv(TWILIO_AUTH_TOKEN_ENV);
    Optional<String> from = fromEnv(TWILIO_FROM_ENV);
    Optional<String> service = fromEnv(TWILIO_MESSAGING_SERVICE_ENV);
    if (sid.isEmpty() || token.isEmpty() || from.isEmpty() && service.isEmpty()) {
      section.problemAt(
          "sms_provider",
          "twilio needs "
              + TWILIO_ACCOUNT_SID_ENV
              + ", "
              + TWILIO_AUTH_TOKEN_ENV
              + " and "
              + TWILIO_FROM_ENV
              + " (or "
              + TWILIO_MESSAGING_SERVICE_ENV
              + ") in the environment");
      return null;
    }
    String baseUrl = TwilioSettings.DEFAULT_BASE_URL;
    Optional<String> envBase = fromEnv(TWILIO_BASE_URL_ENV);
    if (envBase.isPresent()) {
      try {
        baseUrl = httpUrl(envBase.get());
      } catch (IllegalArgumentException e) {
        problems.add(TWILIO_BASE_URL_ENV + " (environment): " + e.getMessage());
      }
    }
    return new TwilioSettings(
        sid.get().trim(),
        token.get().trim(),
        from.map(String::trim).orElse(null),
        service.map(String::trim).orElse(null),
        baseUrl);
  }

  private SmtpSettings smtp(ConfigNode section, boolean wanted) {
    section.forbid("password", "secrets come from the environment: set " + SMTP_PASSWORD_ENV);
    Optional<String> host = section.optionalText("host");
    SmtpSettings.Security security =
        section.value("security", SmtpSettings.Security.STARTTLS, ConfigBinder::security);
    int defaultPort =
        switch (security) {
          case NONE -> 25;
          case STARTTLS -> 587;
          case TLS -> 465;
        };
    int port = section.integer("port", defaultPort, 1, 65535);
    String username = section.optionalText("username").orElse(null);
    Optional<String> from = section.optionalText("from");
    int timeout = section.integer("timeout_seconds", 30, 1, 600);
    if (!wanted) {
      return null;
    }
    if (host.isEmpty()) {
      section.problemAt("host", "required when email_provider is smtp");
    }
    if (from.isEmpty()) {
      section.problemAt("from", "required when email_provider is smtp");
    }
    if (host.isEmpty() || from.isEmpty()) {
      return null;
    }
    return new SmtpSettings(
        host.get(),
        port,
        security,
        username,
        fromEnv(SMTP_PASSWORD_ENV).orElse(null),
        from.get(),
        timeout);
  }

  /**
   * Each club's number in the club system, required for ClubHub and ABC Evo: their calls are made
   * per club. What {@code club_system_consent} attests is used only by club systems that hold no
   * consent.
   */
  private ClubSystemSettings withClubNumbers(
      ClubSystemSettings settings, List<ClubSettings> clubs) {
    if (!settings.needsClubNumbers()) {
      return settings;
    }
    for (ClubSettings club : clubs) {
      if (!clubNumbers.containsKey(club.club().id())) {
        problems.add(
            "clubs["
                + club.club().id()
                + "].club_system_id: required when club_system.system is "
                + settings.system());
      }
    }
    return new ClubSystemSettings(
        settings.system(),
        settings.http(),
        settings.clubhub(),
        settings.abc(),
        clubNumbers,
        consentAttested);
  }

  private ClubSystemSettings clubSystem(ConfigNode section) {
    String system =
        section.value(
            "system",
            ClubSystemSettings.LOCAL.system(),
            text -> provider("club system", text, CLUB_SYSTEMS));
    ConfigNode clubhub = section.section("clubhub");
    clubhub.forbid(
        "password",
        "secrets come from the environment: set " + ClubSystemSettings.CLUBHUB_PASSWORD_ENV);
    String clubhubUrl =
        clubhub
            .optional("base_url", ConfigBinder::httpUrl)
            .orElse(ClubSystemSettings.CLUBHUB_DEFAULT_BASE_URL);
    int clubhubPageSize = clubhub.integer("page_size", 100, 1, 1_000);
    int clubhubTimeout = clubhub.integer("timeout_seconds", 30, 1, 300);
    int clubhubAttempts = clubhub.integer("attempts", 4, 1, 10);
    ConfigNode abc = section.section("abc");
    abc.forbid(
        "app_key", "secrets come from the environment: set " + ClubSystemSettings.ABC_APP_KEY_ENV);
    String abcUrl =
        abc.optional("base_url", ConfigBinder::httpUrl)
            .orElse(ClubSystemSettings.ABC_DEFAULT_BASE_URL);
    int abcTimeout = abc.integer("timeout_seconds", 60, 1, 300);
    int abcAttempts = abc.integer("attempts", 4, 1, 10);
    if (system.equals("abc")) {
      return new ClubSystemSettings(
          system,
          null,
          null,
          new ClubSystemSettings.Abc(
              abcUrl,
              fromEnv(ClubSystemSettings.ABC_APP_ID_ENV).orElse(null),
              fromEnv(ClubSystemSettings.ABC_APP_KEY_ENV).orElse(null),
              Duration.ofSeconds(abcTimeout),
              abcAttempts),
          Map.of(),
          java.util.Set.of());
    }
    if (system.equals("clubhub")) {
      return new ClubSystemSettings(
          system,
          null,
          new ClubSystemSettings.ClubHub(
              clubhubUrl,
              fromEnv(ClubSystemSettings.CLUBHUB_USERNAME_ENV).orElse(null),
              fromEnv(ClubSystemSettings.CLUBHUB_PASSWORD_ENV).orElse(null),
              clubhubPageSize,
              Duration.ofSeconds(clubhubTimeout),
              clubhubAttempts),
          Map.of(),
          java.util.Set.of());
    }
    ConfigNode http = section.section("http");
    Optional<String> baseUrl = http.optional("base_url", ConfigBinder::httpUrl);
    int pageSize = http.integer("page_size", 500, 1, 5_000);
    int timeout = http.integer("timeout_seconds", 30, 1, 300);
    if (!system.equals("http")) {
      return ClubSystemSettings.LOCAL;
    }
    if (baseUrl.isEmpty()) {
      http.problemAt("base_url", "required when club_system.system is http");
      return ClubSystemSettings.LOCAL;
    }
    return new ClubSystemSettings(
        system,
        new ClubSystemSettings.Http(
            baseUrl.get(),
            fromEnv(ClubSystemSettings.TOKEN_ENV).orElse(null),
            pageSize,
            Duration.ofSeconds(timeout)));
  }

  private DoorSettings door(ConfigNode section) {
    String system =
        section.value(
            "system", DoorSettings.BUILTIN.system(), text -> provider("door", text, DOOR_SYSTEMS));
    ConfigNode http = section.section("http");
    Optional<DoorSettings.Call> suspend = call(http.section("suspend"));
    Optional<DoorSettings.Call> restore = call(http.section("restore"));
    Map<String, String> headers = http.textMap("headers", HEADER_NAME);
    int timeout = http.integer("timeout_seconds", 10, 1, 120);
    int attempts = http.integer("attempts", 3, 1, 10);
    DoorSettings.Api kisi = doorApi("kisi", section.section("kisi"), system);
    DoorSettings.Api brivo = doorApi("brivo", section.section("brivo"), system);
    DoorSettings.Api openpath = doorApi("openpath", section.section("openpath"), system);
    if (system.equals("clubhub")) {
      return new DoorSettings(system, null);
    }
    if (DoorSettings.isApi(system)) {
      DoorSettings.Api api =
          switch (system) {
            case "kisi" -> kisi;
            case "brivo" -> brivo;
            default -> openpath;
          };
      return api == null ? DoorSettings.BUILTIN : new DoorSettings(system, null, api);
    }
    if (!system.equals("http")) {
      return DoorSettings.BUILTIN;
    }
    if (suspend.isEmpty() || restore.isEmpty()) {
      if (suspend.isEmpty()) {
        http.problemAt("suspend", "required when door.system is http");
      }
      if (restore.isEmpty()) {
        http.problemAt("restore", "required when door.system is http");
      }
      return DoorSettings.BUILTIN;
    }
    return new DoorSettings(
        system,
        new DoorSettings.Http(
            suspend.get(),
            restore.get(),
            headers,
            fromEnv(DOOR_TOKEN_ENV).orElse(null),
            timeout,
            attempts));
  }

  /**
   * {@code door.kisi}, {@code door.brivo} or {@code door.openpath}: read whichever system is chosen
   * so a mistyped key is reported either way; null unless {@code chosen} is this system or when a
   * required setting is missing (reported).
   */
  private DoorSettings.Api doorApi(String system, ConfigNode section, String chosen) {
    String baseUrl;
    String tokenUrl = null;
    Optional<String> orgId = Optional.empty();
    switch (system) {
      case "kisi" -> {
        section.forbid(
            "api_key", "secrets come from the environment: set " + DoorSettings.KISI_API_KEY_ENV);
        baseUrl =
            section
                .optional("base_url", ConfigBinder::httpUrl)
                .orElse(DoorSettings.KISI_DEFAULT_BASE_URL);
      }
      case "brivo" -> {
        for (String secret : List.of("client_secret", "password", "api_key")) {
          section.forbid(
              secret,
              "secrets come from the environment: set "
                  + DoorSettings.BRIVO_CLIENT_SECRET_ENV
                  + ", "
                  + DoorSettings.BRIVO_PASSWORD_ENV
                  + " and "
                  + DoorSettings.BRIVO_API_KEY_ENV);
        }
        baseUrl =
            section
                .optional("base_url", ConfigBinder::httpUrl)
                .orElse(DoorSettings.BRIVO_DEFAULT_BASE_URL);
        tokenUrl =
            section
                .optional("token_url", ConfigBinder::httpUrl)
                .orElse(DoorSettings.BRIVO_DEFAULT_TOKEN_URL);
      }
      default -> {
        section.forbid(
            "password",
            "secrets come from the environment: set " + DoorSettings.OPENPATH_PASSWORD_ENV);
        baseUrl =
            section
                .optional("base_url", ConfigBinder::httpUrl)
                .orElse(DoorSettings.OPENPATH_DEFAULT_BASE_URL);
        orgId = section.optional("org_id", ConfigBinder::orgId);
      }
    }
    DoorSettings.Match match =
        section.value("match", DoorSettings.Match.EMAIL, ConfigBinder::doorMatch);
    int pageSize = section.integer("page_size", 100, 1, 1_000);
    int timeout = section.integer("timeout_seconds", 10, 1, 120);
    int attempts = section.integer("attempts", 4, 1, 10);
    if (!system.equals(chosen)) {
      return null;
    }
    if (system.equals("kisi") && match == DoorSettings.Match.CLUB_SYSTEM_ID) {
      section.problemAt(
          "match",
          "Kisi's users carry no external id: use match: email (GymOps then keeps each member's"
              + " Kisi user id)");
      return null;
    }
    if (system.equals("openpath") && orgId.isEmpty()) {
      section.problemAt("org_id", "required when door.system is openpath");
      return null;
    }
    boolean isBrivo = system.equals("brivo");
    return new DoorSettings.Api(
        system,
        baseUrl,
        tokenUrl,
        orgId.orElse(null),
        switch (system) {
          case "kisi" -> fromEnv(DoorSettings.KISI_API_KEY_ENV).orElse(null);
          case "brivo" -> fromEnv(DoorSettings.BRIVO_API_KEY_ENV).orElse(null);
          default -> null;
        },
        isBrivo ? fromEnv(DoorSettings.BRIVO_CLIENT_ID_ENV).orElse(null) : null,
        isBrivo ? fromEnv(DoorSettings.BRIVO_CLIENT_SECRET_ENV).orElse(null) : null,
        switch (system) {
          case "brivo" -> fromEnv(DoorSettings.BRIVO_USERNAME_ENV).orElse(null);
          case "openpath" -> fromEnv(DoorSettings.OPENPATH_EMAIL_ENV).orElse(null);
          default -> null;
        },
        switch (system) {
          case "brivo" -> fromEnv(DoorSettings.BRIVO_PASSWORD_ENV).orElse(null);
          case "openpath" -> fromEnv(DoorSettings.OPENPATH_PASSWORD_ENV).orElse(null);
          default -> null;
        },
        match,
        pageSize,
        Duration.ofSeconds(timeout),
        attempts);
  }

  private static DoorSettings.Match doorMatch(String text) {
    return switch (text.trim()) {
      case "email" -> DoorSettings.Match.EMAIL;
      case "club_system_id" -> DoorSettings.Match.CLUB_SYSTEM_ID;
      default ->
          throw new IllegalArgumentException("'" + text + "' is not one of email, club_system_id");
    };
  }

  private static String orgId(String text) {
    String id = text.trim();
    if (!id.matches("[0-9]{1,12}")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an organization id (the digits in the Alta/Openpath address)");
    }
    return id;
  }

  private static Optional<DoorSettings.Call> call(ConfigNode section) {
    Optional<String> method =
        section.optional(
            "method",
            text -> {
              String upper = text.trim().toUpperCase(java.util.Locale.ROOT);
              if (!HTTP_METHODS.contains(upper)) {
                throw new IllegalArgumentException(
                    "'" + text + "' is not one of " + String.join(", ", HTTP_METHODS));
              }
              return upper;
            });
    Optional<String> url = section.optional("url", ConfigBinder::httpUrl);
    String body = section.optional("body", text -> text).orElse(null);
    if (!section.isPresent()) {
      return Optional.empty();
    }
    if (url.isEmpty()) {
      section.problemAt("url", "required");
      return Optional.empty();
    }
    return Optional.of(new DoorSettings.Call(method.orElse("POST"), url.get(), body));
  }

  private static SmtpSettings.Security security(String text) {
    try {
      return SmtpSettings.Security.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not one of none, starttls, tls", e);
    }
  }

  private static String httpUrl(String text) {
    String url = text.trim();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private Optional<String> fromEnv(String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
  }

  private static String provider(String kind, String text, List<String> supported) {
    String provider = text.trim();
    if (!supported.contains(provider)) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a supported "
              + kind
              + " provider (supported: "
              + String.join(", ", supported)
              + ")");
    }
    return provider;
  }

  private static String region(String text) {
    String region = text.trim();
    if (!REGION.matcher(region).matches()
        || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a two-letter region code such as US or CA");
    }
    return region;
  }

  private static String jdbcUrl(String text) {
    String url = text.trim();
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a JDBC URL (e.g. jdbc:postgresql://127.0.0.1:5432/gymops)");
    }
    return url;
  }

  /** Stored in E.164 so every gateway receives the same form whatever the manager typed. */
  private static String phoneNumber(String text, String region) {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber number = phones.parse(text, region);
      // Valid, not merely possible: "555-0100" has the length of a local number but no area
      // code, and would become a number nobody answers.
      if (phones.isValidNumber(number)) {
        return phones.format(number, PhoneNumberFormat.E164);
      }
    } catch (NumberParseException e) {
      // reported below like any other invalid number
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a valid phone number; write it with its area code, e.g. +14155550100");
  }

  private static String email(String text) {
    String email = text.trim();
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an email address");
    }
    return email;
  }
}
