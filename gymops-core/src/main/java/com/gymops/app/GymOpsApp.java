package com.gymops.app;

import com.gymops.adapter.Sleeper;
import com.gymops.adapter.chat.ChatWebhookGateway;
import com.gymops.adapter.clubsystem.AbcClubSystem;
import com.gymops.adapter.clubsystem.AbcSession;
import com.gymops.adapter.clubsystem.ClubHubClubSystem;
import com.gymops.adapter.clubsystem.ClubHubDoorSystem;
import com.gymops.adapter.clubsystem.ClubHubSession;
import com.gymops.adapter.clubsystem.HttpClubSystem;
import com.gymops.adapter.door.ApiDoorSystem;
import com.gymops.adapter.door.BrivoDoorSystem;
import com.gymops.adapter.door.HttpDoorSystem;
import com.gymops.adapter.door.KisiDoorSystem;
import com.gymops.adapter.door.OpenpathDoorSystem;
import com.gymops.adapter.email.SmtpEmailGateway;
import com.gymops.adapter.llm.AnthropicLlmClient;
import com.gymops.adapter.payments.SquareInvoices;
import com.gymops.adapter.payments.StripeInvoices;
import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.adapter.persistence.StoreErrors;
import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.adapter.reports.MailingReportWriter;
import com.gymops.adapter.schedule.ScheduledFireCalendar;
import com.gymops.adapter.sms.LogMessageGateway;
import com.gymops.adapter.sms.TwilioSmsGateway;
import com.gymops.adapter.web.ApiV1;
import com.gymops.adapter.web.ProviderHooks;
import com.gymops.adapter.web.Webhooks;
import com.gymops.adapter.web.console.ConsoleServices;
import com.gymops.app.demo.DemoData;
import com.gymops.application.accounts.Accounts;
import com.gymops.application.accounts.ApiAccess;
import com.gymops.application.accounts.Argon2idPasswords;
import com.gymops.application.accounts.SessionTimeouts;
import com.gymops.application.agent.AgentLoop;
import com.gymops.application.ask.AskAgent;
import com.gymops.application.ask.AskBox;
import com.gymops.application.ask.AskTools;
import com.gymops.application.care.ApprovalFiling;
import com.gymops.application.care.ApprovalRequests;
import com.gymops.application.care.Approvals;
import com.gymops.application.care.Audit;
import com.gymops.application.care.CollectionHolds;
import com.gymops.application.care.DailySummaries;
import com.gymops.application.care.ManualActions;
import com.gymops.application.care.MemberProfiles;
import com.gymops.application.care.OutboxActions;
import com.gymops.application.care.PersonalDataRetention;
import com.gymops.application.care.RequestExecution;
import com.gymops.application.care.WorkflowPauses;
import com.gymops.application.console.ApprovalsQuery;
import com.gymops.application.console.AuditQuery;
import com.gymops.application.console.ConsoleActions;
import com.gymops.application.console.MembersQuery;
import com.gymops.application.console.OutboxQuery;
import com.gymops.application.console.RunNow;
import com.gymops.application.console.RunsQuery;
import com.gymops.application.console.SettingsQuery;
import com.gymops.application.console.TodayQuery;
import com.gymops.application.health.HealthRecorder;
import com.gymops.application.health.HealthRecordingClubSystem;
import com.gymops.application.health.HealthRecordingDoorSystem;
import com.gymops.application.health.HealthRecordingGateway;
import com.gymops.application.health.HealthRecordingInvoiceIssuer;
import com.gymops.application.health.HealthRecordingPaymentProvider;
import com.gymops.application.importing.ImportService;
import com.gymops.application.inbound.DeliveryUpdates;
import com.gymops.application.inbound.SmsReplies;
import com.gymops.application.messaging.DispatchStores;
import com.gymops.application.messaging.Dispatcher;
import com.gymops.application.messaging.RetryPolicy;
import com.gymops.application.messaging.SenderHealth;
import com.gymops.application.payments.OnDemandInvoices;
import com.gymops.application.payments.PaymentService;
import com.gymops.application.payments.ProviderPayments;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.DoorSystem;
import com.gymops.application.port.MessageGateway;
import com.gymops.application.port.PaymentProvider;
import com.gymops.application.port.ReportWriter;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.DigestReads;
import com.gymops.application.port.store.DoorLinks;
import com.gymops.application.port.store.Stores;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.DoorStateExport;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.PayLinkIssuer;
import com.gymops.application.run.RunAgent;
import com.gymops.application.run.RunHistory;
import com.gymops.application.run.RunPlanner;
import com.gymops.application.run.SnapshotLoader;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.application.sync.ClubSync;
import com.gymops.application.tools.MemberRecords;
import com.gymops.config.AgentSettings;
import com.gymops.config.DoorSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.config.MessagingSettings;
import com.gymops.config.PaymentSettings;
import com.gymops.domain.Channel;
import com.gymops.policy.MessageTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The composition root: the one place that creates adapters and wires them to the services. Open
 * one per process (or per test) and close it at the end.
 */
public final class GymOpsApp implements AutoCloseable {
  /**
   * The log provider's file in the data directory: every message "sent" without a real provider.
   */
  public static final String MESSAGE_LOG = "messages.log";

  public static final String REPORTS = "reports";

  /** Where Twilio posts delivery updates, under {@code messaging.public_base_url}. */
  public static final String TWILIO_STATUS_PATH = Webhooks.TWILIO_STATUS;

  /** How long before a model's retirement the log starts to warn. */
  static final java.time.Duration MODEL_RETIREMENT_WARNING = java.time.Duration.ofDays(60);

  private final GymOpsConfig config;
  private final Path dataDir;
  private final Clock clock;
  private final Database database;
  private final Stores stores;
  private final ImportService importer;
  private final WorkflowRunner runner;
  private final Dispatcher dispatcher;
  private final AnthropicLlmClient llm;
  private final Webhooks webhooks;
  private final ClubSync clubSync;
  private final ClubHubSession clubHub;
  private final AbcSession abc;
  private final ApiDoorSystem apiDoor;
  private final Accounts accounts;
  private final CollectionHolds holds;
  private final ManualActions manualActions;
  private final WorkflowPauses pauses;
  private final ApiAccess apiAccess;
  private final Approvals approvals;
  private final ApprovalRequests requests;
  private final DailySummaries summaries;
  private final PersonalDataRetention retention;

  /**
   * Asks the Models API about {@code agent.model} when a key is set: a warning when the model is
   * unknown, retired or retires within {@link #MODEL_RETIREMENT_WARNING}; empty when it is fine or
   * there is no key. Only the commands that may call the model ask ({@code serve}, an agent or
   * shadow {@code run}, {@code doctor}): opening the store for any other command must not wait on
   * the network.
   */
  public java.util.Optional<String> modelWarning() {
    if (llm == null) {
      return java.util.Optional.empty();
    }
    return llm.checkModel(config.agent().model(), clock.instant(), MODEL_RETIREMENT_WARNING);
  }

  private GymOpsApp(GymOpsConfig config, Path dataDir, Clock clock, Database database) {
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    this.stores = Persistence.stores(database);
    this.importer =
        new ImportService(
            stores.members(),
            stores.attempts(),
            stores.transactor(),
            config.clubs().stream().map(c -> c.club().id()).collect(Collectors.toSet()),
            config.clubs().stream().map(c -> c.club().zone()).toList(),
            config.messaging().defaultRegion(),
            clock,
            stores.holds(),
            stores.payLinks(),
            Persistence.providerBilling(database));
    MessageTemplates templates =
        new MessageTemplates(config.messaging().templates(), config.messaging().optOutText());
    ManagerMessages managerMessages =
        new ManagerMessages(stores.outbox(), templates, config.notifications());
    boolean realEmail = config.messaging().emailProvider().equals("smtp");
    CsvReportWriter files = new CsvReportWriter(dataDir.resolve(REPORTS));
    // Where each integration is called, its answers are recorded for the Settings page.
    HealthRecorder health = new HealthRecorder(Persistence.integrationHealth(database), clock);
    // One ClubHub login for the pull and the door's bans.
    this.clubHub =
        config.clubSystem().isClubHub()
            ? new ClubHubSession(config.clubSystem().clubhub(), Sleeper.SYSTEM)
            : null;
    this.abc =
        config.clubSystem().isAbc()
            ? new AbcSession(config.clubSystem().abc(), Sleeper.SYSTEM)
            : null;
    this.apiDoor = apiDoor(config, database, stores, clock);
    ActionExecutor executor =
        new ActionExecutor(
            stores, managerMessages, doorSystem(config, clubHub, apiDoor, stores, health));
    RunPlanner planner =
        new RunPlanner(
            new SnapshotLoader(
                stores.members(),
                stores.attempts(),
                stores.outbox(),
                stores.referrals(),
                stores.escalations(),
                stores.holds(),
                stores.payLinks(),
                templates,
                config.messaging().payLink(),
                stores.clubLinks(),
                config.payments().waitForProviderRetry()
                    ? Persistence.providerBilling(database)
                    : null));
    AgentSettings agent = config.agent();
    // No key, no client: agent and shadow runs then complete by the rules and say why.
    this.llm =
        agent
            .key()
            .map(
                key ->
                    new AnthropicLlmClient(
                        key, agent.baseUrl(), agent.maxRetries(), agent.requestTimeout()))
            .orElse(null);
    Audit audit = new Audit(stores.audit(), clock);
    // Report files reach the manager by email only when email really leaves.
    ReportWriter reports =
        realEmail ? new MailingReportWriter(files, config, managerMessages, clock) : files;
    this.summaries =
        new DailySummaries(
            config,
            Persistence.summaryReads(database),
            stores.approvals(),
            stores.outbox(),
            managerMessages,
            clock);
    this.retention =
        new PersonalDataRetention(
            stores.transcripts(),
            stores.outbox(),
            stores.inbound(),
            config.server().retentionDays(),
            clock);
    RunAgent runAgent =
        llm == null
            ? WorkflowRunner.NO_AGENT
            : new AgentLoop(
                llm,
                agent,
                executor,
                stores.runs(),
                new MemberRecords(
                    stores.members(), stores.attempts(), stores.notes(), stores.referrals()),
                templates,
                clock);
    this.runner =
        new WorkflowRunner(
            config,
            planner,
            executor,
            stores.runs(),
            stores.locks(),
            stores.approvals(),
            stores.transcripts(),
            reports,
            clock,
            runAgent,
            new ApprovalFiling(config, stores.approvals(), managerMessages, clock),
            payLinkIssuer(config.payments(), database, stores, health));
    this.approvals = new Approvals(config, stores.approvals(), runner, audit, clock, reports);
    MessageGateway log = new LogMessageGateway(dataDir.resolve(MESSAGE_LOG), clock);
    MessageGateway sms = smsGateway(config.messaging(), log, health);
    this.dispatcher =
        new Dispatcher(
            config,
            new DispatchStores(
                stores.outbox(),
                stores.members(),
                stores.attempts(),
                stores.inbound(),
                stores.referrals(),
                stores.runs(),
                stores.senderPauses(),
                stores.transactor()),
            sms,
            realEmail
                ? new HealthRecordingGateway(
                    new SmtpEmailGateway(config.messaging().smtp(), clock), "smtp", health)
                : log,
            chatGateways(config, health),
            managerMessages,
            RetryPolicy.withJitter(() -> ThreadLocalRandom.current().nextDouble()));
    PaymentService payments =
        new PaymentService(stores.members(), stores.payments(), runner, clock);
    this.webhooks =
        new Webhooks(
            new SmsReplies(config, stores.members(), stores.inbound(), stores.notes(), clock),
            new DeliveryUpdates(
                stores.outbox(),
                stores.attempts(),
                stores.transactor(),
                new SenderHealth(stores.senderPauses(), managerMessages, config),
                sms.sender(),
                TwilioSmsGateway::senderProblemOf,
                clock),
            payments,
            new DoorStateExport(stores.members()),
            config.webhooks(),
            config.messaging().publicBaseUrl(),
            new ProviderHooks(
                new ProviderPayments(
                    Persistence.providerBilling(database),
                    stores.members(),
                    payments,
                    paymentProvider(config.payments())
                        .<PaymentProvider>map(
                            api -> new HealthRecordingPaymentProvider(api, health)),
                    club -> config.club(club).map(c -> c.club().zone()).orElse(ZoneOffset.UTC),
                    clock),
                config.payments(),
                clock));
    this.holds = new CollectionHolds(config, stores.members(), stores.holds(), audit, clock);
    this.manualActions =
        new ManualActions(config, stores.members(), stores.notes(), runner, audit, clock);
    this.approvals.carryOutRequestsWith(
        new RequestExecution(config, manualActions, holds, runner, clock));
    this.requests =
        new ApprovalRequests(config, stores.members(), stores.approvals(), runner, audit, clock);
    this.pauses = new WorkflowPauses(config, stores.paused(), audit, clock);
    this.apiAccess = new ApiAccess(config, stores.tokens(), new SecureRandom(), clock);
    this.clubSync =
        new ClubSync(
            clubSystem(config, clubHub, abc, health, clock),
            stores.members(),
            stores.syncState(),
            config.clubs().stream().map(c -> c.club().id()).collect(Collectors.toSet()),
            clock,
            stores.holds(),
            stores.payLinks(),
            Persistence.providerBilling(database));
    this.accounts =
        new Accounts(
            Persistence.consoleUsers(database),
            Persistence.consoleSessions(database),
            Persistence.loginThrottle(database),
            Argon2idPasswords.OWASP,
            new SessionTimeouts(config.server().sessionIdle(), config.server().sessionMaxAge()),
            config.clubs().stream().map(c -> c.club().id()).collect(Collectors.toSet()),
            audit,
            clock);
  }

  private static ClubSystem clubSystem(
      GymOpsConfig config,
      ClubHubSession clubHub,
      AbcSession abc,
      HealthRecorder health,
      Clock clock) {
    if (config.clubSystem().isHttp()) {
      return new HealthRecordingClubSystem(new HttpClubSystem(config.clubSystem().http()), health);
    }
    if (clubHub != null) {
      return new HealthRecordingClubSystem(
          new ClubHubClubSystem(clubHub, config.clubSystem(), clock), health);
    }
    if (abc != null) {
      return new HealthRecordingClubSystem(
          new AbcClubSystem(abc, config.clubSystem(), clock), health);
    }
    return ClubSystem.LOCAL;
  }

  /** Kisi's, Brivo's or Openpath's API when the door system is one of them, else null. */
  private static ApiDoorSystem apiDoor(
      GymOpsConfig config, Database database, Stores stores, Clock clock) {
    DoorSettings.Api api = config.door().api();
    if (api == null) {
      return null;
    }
    DoorLinks links = Persistence.doorLinks(database);
    return switch (api.system()) {
      case "kisi" -> new KisiDoorSystem(api, links, stores.clubLinks(), Sleeper.SYSTEM, clock);
      case "brivo" -> new BrivoDoorSystem(api, links, stores.clubLinks(), Sleeper.SYSTEM, clock);
      default -> new OpenpathDoorSystem(api, links, stores.clubLinks(), Sleeper.SYSTEM, clock);
    };
  }

  private static DoorSystem doorSystem(
      GymOpsConfig config,
      ClubHubSession clubHub,
      ApiDoorSystem apiDoor,
      Stores stores,
      HealthRecorder health) {
    DoorSettings door = config.door();
    if (apiDoor != null) {
      return new HealthRecordingDoorSystem(apiDoor, health);
    }
    if (door.system().equals("clubhub") && clubHub != null) {
      return new HealthRecordingDoorSystem(
          new ClubHubDoorSystem(clubHub, config.clubSystem().clubNumbers(), stores.clubLinks()),
          health);
    }
    return door.system().equals("http")
        ? new HealthRecordingDoorSystem(new HttpDoorSystem(door.http(), Sleeper.SYSTEM), health)
        : DoorSystem.BUILTIN;
  }

  /** Kisi, Brivo or Openpath when the door system is one of them, for {@code doctor}'s check. */
  public java.util.Optional<ApiDoorSystem> apiDoor() {
    return java.util.Optional.ofNullable(apiDoor);
  }

  /** ClubHub's session when the club system is ClubHub, for {@code doctor}'s credentials check. */
  public java.util.Optional<ClubHubSession> clubHub() {
    return java.util.Optional.ofNullable(clubHub);
  }

  /** ABC Evo's session when the club system is ABC, for {@code doctor}'s credentials check. */
  public java.util.Optional<AbcSession> abc() {
    return java.util.Optional.ofNullable(abc);
  }

  /**
   * Pacing is about real seconds at the carrier, not the run's clock (which {@code --at} may fix),
   * so the sender's pacer reads the system clock and really waits.
   */
  private static MessageGateway smsGateway(
      MessagingSettings messaging, MessageGateway log, HealthRecorder health) {
    if (!messaging.smsProvider().equals("twilio")) {
      return log;
    }
    return new HealthRecordingGateway(
        new TwilioSmsGateway(
            messaging.twilio(),
            messaging.publicBaseUrl() == null
                ? null
                : messaging.publicBaseUrl() + TWILIO_STATUS_PATH,
            messaging.smsRatePerSecond(),
            Clock.systemUTC(),
            Sleeper.SYSTEM),
        "twilio",
        health);
  }

  /**
   * The managers' Slack and Teams webhooks, each recorded for the Settings page and {@code doctor}
   * under {@code slack} and {@code teams}. Retries wait real seconds, as the sender's pacing does.
   */
  private static Map<Channel, MessageGateway> chatGateways(
      GymOpsConfig config, HealthRecorder health) {
    Map<Channel, MessageGateway> chats = new EnumMap<>(Channel.class);
    for (Channel channel : List.of(Channel.SLACK, Channel.TEAMS)) {
      chats.put(
          channel,
          new HealthRecordingGateway(
              new ChatWebhookGateway(channel, config.notifications(), Sleeper.SYSTEM),
              channel.code(),
              health));
    }
    return chats;
  }

  /** Whether {@code dataDir} holds a store to open: always with PostgreSQL, else its file. */
  public static boolean hasData(GymOpsConfig config, Path dataDir) {
    return config.database().jdbcUrl().isPresent()
        || Files.isRegularFile(dataDir.resolve(Database.EMBEDDED_FILE));
  }

  public static GymOpsApp open(GymOpsConfig config, Path dataDir, Clock clock) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    Database database = Database.open(config.database(), dataDir);
    try {
      GymOpsApp app = new GymOpsApp(config, dataDir, clock, database);
      // A run its process never finished (kill -9, crash, power cut) must not stay "running".
      app.stores.locks().recoverInterrupted(clock.instant());
      return app;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** {@code gymops backup}: see {@link Database#backupTo}. */
  public void backupTo(Path target) {
    database.backupTo(target);
  }

  /** What to do when {@code failure} is the embedded store's disk being full or read-only. */
  public static Optional<String> diskProblem(Throwable failure) {
    return StoreErrors.diskProblem(failure, null);
  }

  public GymOpsConfig config() {
    return config;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * The provider's invoice API, for pay links an event did not carry: only with {@code
   * payments.provider} set and its key in the environment.
   */
  private static Optional<PaymentProvider> paymentProvider(PaymentSettings settings) {
    if (settings.isStripe() && settings.stripe().apiKey() != null) {
      return Optional.of(
          new StripeInvoices(
              settings.stripe().baseUrl(), settings.stripe().apiKey(), Sleeper.SYSTEM));
    }
    if (settings.isSquare() && settings.square().accessToken() != null) {
      return Optional.of(
          new SquareInvoices(
              settings.square().baseUrl(),
              settings.square().accessToken(),
              settings.square().version(),
              Sleeper.SYSTEM));
    }
    return Optional.empty();
  }

  /**
   * Square's invoices made on demand for reminded members without a link of Square's: only with
   * {@code payments.provider: square}, {@code payments.square.location_id} and the access token.
   */
  private static PayLinkIssuer payLinkIssuer(
      PaymentSettings settings, Database database, Stores stores, HealthRecorder health) {
    if (!settings.isSquare() || !settings.square().issuesInvoices()) {
      return PayLinkIssuer.NONE;
    }
    return new OnDemandInvoices(
        new HealthRecordingInvoiceIssuer(
            new SquareInvoices(
                settings.square().baseUrl(),
                settings.square().accessToken(),
                settings.square().version(),
                settings.square().locationId(),
                Sleeper.SYSTEM),
            health),
        Persistence.providerBilling(database),
        stores.members(),
        OnDemandInvoices.MAX_PER_RUN);
  }

  public Stores stores() {
    return stores;
  }

  /** The database itself, for what runs beside the stores on it: the scheduler. */
  public Database database() {
    return database;
  }

  public ImportService importer() {
    return importer;
  }

  public WorkflowRunner runner() {
    return runner;
  }

  public RunHistory runHistory() {
    return new RunHistory(stores.runs(), stores.transcripts(), stores.outbox());
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** The pull from the club system ({@code local}: nothing to pull). */
  /** The pull {@code serve}'s tick and {@code gymops sync} run. */
  public com.gymops.application.sync.ClubPull clubPull() {
    return new com.gymops.application.sync.ClubPull(clubSync, webhooks.payments());
  }

  public ClubSync clubSync() {
    return clubSync;
  }

  /** The approvals engine: list, approve, deny; {@code serve} settles it every minute. */
  public Approvals approvals() {
    return approvals;
  }

  /** Requests filed as approvals: the MCP server's and the Ask box's only writes. */
  public ApprovalRequests requests() {
    return requests;
  }

  /** The manager's daily summary: previewed by {@code gymops summary}, sent by {@code serve}. */
  public DailySummaries summaries() {
    return summaries;
  }

  /** The purge of old transcripts and message texts; {@code serve} runs it daily. */
  public PersonalDataRetention retention() {
    return retention;
  }

  /** Payment plans and other collection holds. */
  public CollectionHolds holds() {
    return holds;
  }

  /** Lock, unlock, note, opt out, opt in by hand. */
  public ManualActions manualActions() {
    return manualActions;
  }

  public MemberProfiles memberProfiles() {
    return new MemberProfiles(
        stores.members(),
        stores.attempts(),
        stores.outbox(),
        stores.notes(),
        stores.doors(),
        stores.payments(),
        stores.holds(),
        stores.payLinks(),
        stores.audit(),
        stores.clubLinks());
  }

  public WorkflowPauses pauses() {
    return pauses;
  }

  /** The JSON API's bearer tokens. */
  public ApiAccess apiAccess() {
    return apiAccess;
  }

  /** What {@code serve}'s JSON API under {@code /api/v1} calls. */
  public ApiV1 api() {
    return new ApiV1(
        apiAccess, memberProfiles(), manualActions, holds, pauses, runHistory(), approvals);
  }

  /** What {@code serve}'s webhooks and door export call. */
  public Webhooks webhooks() {
    return webhooks;
  }

  /** The console's users and sessions ({@code gymops users}, the console's login). */
  public Accounts accounts() {
    return accounts;
  }

  /** Built on first use; see {@link #consoleQueries()}. */
  private volatile ConsoleQueries consoleQueries;

  /** What the manager console on {@code serve} calls. */
  public ConsoleServices console() {
    ConsoleReads reads = Persistence.consoleReads(database);
    ConsoleQueries queries = consoleQueries();
    return new ConsoleServices(
        accounts,
        queries.today(),
        queries.runs(),
        queries.members(),
        new OutboxQuery(config, reads, Persistence.runPages(database), clock),
        new SettingsQuery(config, stores.syncState(), Persistence.integrationHealth(database)),
        new RunNow(runner, config, new Audit(stores.audit(), clock), clock),
        new ConsoleActions(
            stores.members(),
            holds,
            manualActions,
            pauses,
            stores.outbox(),
            new OutboxActions(
                stores.outbox(),
                stores.attempts(),
                stores.members(),
                stores.transactor(),
                new Audit(stores.audit(), clock),
                clock)),
        new AuditQuery(stores.audit()),
        queries.approvals(),
        config.server().secureCookies(),
        new AskBox(
            config, llm == null ? null : new AskAgent(llm, config.agent(), askTools(), clock)));
  }

  /** The version Maven wrote into the jar at build time; "unknown" outside a build. */
  public static String version() {
    java.util.Properties properties = new java.util.Properties();
    try (java.io.InputStream in =
        GymOpsApp.class.getResourceAsStream("/gymops-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  /** The tools of the MCP server and of the console's Ask box (docs/ASK.md). */
  public AskTools askTools() {
    ConsoleQueries queries = consoleQueries();
    return new AskTools(
        config,
        stores.members(),
        stores.attempts(),
        stores.outbox(),
        queries.members(),
        queries.runs(),
        queries.approvals(),
        queries.today(),
        summaries,
        requests,
        clock);
  }

  /** The console's reads, shared by its pages and the Ask tools (docs/ASK.md): one of each. */
  private record ConsoleQueries(
      TodayQuery today, RunsQuery runs, MembersQuery members, ApprovalsQuery approvals) {}

  private ConsoleQueries consoleQueries() {
    ConsoleQueries built = consoleQueries;
    if (built != null) {
      return built;
    }
    synchronized (this) {
      if (consoleQueries == null) {
        ConsoleReads reads = Persistence.consoleReads(database);
        DigestReads digest = Persistence.digestReads(database);
        ApprovalsQuery approvalsQuery =
            new ApprovalsQuery(config, approvals(), digest, reads, clock);
        consoleQueries =
            new ConsoleQueries(
                new TodayQuery(
                    config,
                    reads,
                    digest,
                    approvalsQuery,
                    pauses,
                    new ScheduledFireCalendar(config),
                    clock),
                new RunsQuery(config, reads, runHistory(), Persistence.runPages(database), clock),
                new MembersQuery(
                    config,
                    reads,
                    stores.members(),
                    stores.attempts(),
                    stores.outbox(),
                    stores.notes(),
                    stores.audit(),
                    holds,
                    stores.clubLinks()),
                approvalsQuery);
      }
      return consoleQueries;
    }
  }

  /** Loads a generated demo club, members and attempt history, in one transaction. */
  public void seed(DemoData data) {
    List<KeyedAttempt> keyed = new ArrayList<>(data.attempts().size());
    for (int i = 0; i < data.attempts().size(); i++) {
      keyed.add(new KeyedAttempt(data.attempts().get(i), "demo:" + i, null));
    }
    stores
        .transactor()
        .inTransaction(
            () -> {
              stores.members().upsertAll(data.members(), clock.instant());
              stores.attempts().addAll(keyed);
            });
  }

  @Override
  public void close() {
    if (llm != null) {
      llm.close();
    }
    database.close();
  }
}
