package com.gymops.config;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds a parsed document to {@link GymOpsConfig}, collecting every problem on the way. */
final class ConfigBinder {
  static final String DATABASE_URL_ENV = "GYMOPS_DATABASE_URL";
  static final String DATABASE_USER_ENV = "GYMOPS_DATABASE_USER";
  static final String DATABASE_PASSWORD_ENV = "GYMOPS_DATABASE_PASSWORD";

  private static final List<String> PROVIDERS = List.of("log");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("[a-z0-9_]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

  private final Map<String, String> env;
  private final ZoneId systemZone;
  private final List<String> problems;

  ConfigBinder(Map<String, String> env, ZoneId systemZone, List<String> problems) {
    this.env = Map.copyOf(env);
    this.systemZone = systemZone;
    this.problems = problems;
  }

  GymOpsConfig bind(ConfigNode root) {
    MessagingSettings messaging = messaging(root.section("messaging"));
    DatabaseSettings database = database(root.section("database"));
    AgentSettings agent = agent(root.section("agent"));
    ClubRules global = RuleSections.read(root, ClubRules.DEFAULTS, false);
    List<ClubSettings> clubs = clubs(root, global, messaging.defaultRegion());
    ServerSettings server = server(root.section("server"));
    root.reportUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new GymOpsConfig(clubs, database, messaging, server, agent);
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
        defaults.requestTimeout());
  }

  private static String agentMode(String text) {
    String mode = text.trim();
    if (!AgentSettings.MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a mode (use rules, agent or shadow)");
    }
    return mode;
  }

  private static String httpUrl(String text) {
    String url = text.trim();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an http(s) URL (e.g. https://api.anthropic.com)");
    }
    return url;
  }

  private List<ClubSettings> clubs(ConfigNode root, ClubRules global, String region) {
    Optional<List<ConfigNode>> listed = root.list("clubs");
    if (listed.isEmpty()) {
      Club main = new Club(new ClubId("main"), "Main Club", systemZone, null, null);
      return List.of(new ClubSettings(main, global.policy(), global.workflows()));
    }
    if (listed.get().isEmpty()) {
      root.problemAt("clubs", "list at least one club, or leave 'clubs' out for one club 'main'");
    }
    List<ClubSettings> clubs = new ArrayList<>();
    Map<ClubId, String> pathById = new HashMap<>();
    for (ConfigNode node : listed.get()) {
      Optional<ClubId> id = node.required("id", ClubId::new);
      id.filter(pathById::containsKey)
          .ifPresent(
              duplicate ->
                  node.problemAt(
                      "id", "'" + duplicate + "' is already the id of " + pathById.get(duplicate)));
      id.ifPresent(value -> pathById.putIfAbsent(value, node.path()));
      String name = node.text("name", id.map(ClubId::value).orElse("?"));
      ZoneId zone = node.zone("timezone", systemZone);
      ConfigNode manager = node.section("manager");
      String phone = manager.optional("phone", text -> phoneNumber(text, region)).orElse(null);
      String email = manager.optional("email", ConfigBinder::email).orElse(null);
      ClubRules rules = RuleSections.read(node, global, true);
      id.ifPresent(
          value ->
              clubs.add(
                  new ClubSettings(
                      new Club(value, name, zone, phone, email),
                      rules.policy(),
                      rules.workflows())));
    }
    return clubs;
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

  private ServerSettings server(ConfigNode section) {
    ServerSettings defaults = ServerSettings.DEFAULTS;
    int port = section.integer("port", defaults.port(), 0, 65535);
    Duration heartbeat = section.duration("heartbeat_interval", defaults.heartbeatInterval());
    int missed = section.integer("missed_heartbeats", defaults.missedHeartbeats(), 2, 100);
    int threads = section.integer("threads", defaults.threads(), 1, 64);
    return section.build(() -> new ServerSettings(port, heartbeat, missed, threads), defaults);
  }

  private MessagingSettings messaging(ConfigNode section) {
    MessagingSettings defaults = MessagingSettings.DEFAULTS;
    return new MessagingSettings(
        section.value("sms_provider", defaults.smsProvider(), text -> provider("SMS", text)),
        section.value("email_provider", defaults.emailProvider(), text -> provider("email", text)),
        section.value("default_region", defaults.defaultRegion(), ConfigBinder::region),
        section.text("opt_out_text", defaults.optOutText()),
        section.textMap("templates", TEMPLATE_KEY));
  }

  private Optional<String> fromEnv(String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
  }

  private static String provider(String kind, String text) {
    String provider = text.trim();
    if (!PROVIDERS.contains(provider)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a supported " + kind + " provider (supported: log)");
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
      if (phones.isPossibleNumber(number)) {
        return phones.format(number, PhoneNumberFormat.E164);
      }
    } catch (NumberParseException e) {
      // reported below like any other impossible number
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a phone number (use e.g. +15551234567)");
  }

  private static String email(String text) {
    String email = text.trim();
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an email address");
    }
    return email;
  }
}
