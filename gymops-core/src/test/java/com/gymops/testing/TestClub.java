package com.gymops.testing;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.messaging.DispatchStores;
import com.gymops.application.messaging.Dispatcher;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.Stores;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.ManagerMessages;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.application.tools.MemberRecords;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One club, {@code main} in New York with a manager phone, on a real embedded SQLite file database,
 * wired as {@code GymOpsApp} wires it: the runner, the executor, the CSV reports under {@code
 * reports/} and a dispatcher on recording gateways. Time is a {@link MutableClock}; each run sets
 * it to the run's instant. Close it at the end of the test.
 */
public final class TestClub implements AutoCloseable {
  public static final ZoneId ZONE = ZoneId.of("America/New_York");
  public static final ClubId MAIN = new ClubId("main");
  public static final String MANAGER_PHONE = "+12125551234";

  static final String CONFIG =
      """
      clubs:
        - id: main
          name: Main Street Fitness
          timezone: America/New_York
          manager: {phone: "+12125551234", email: manager@example.com}
      """;

  private static final AtomicInteger SEED_KEYS = new AtomicInteger();

  private final Path directory;
  private final Database database;
  private final GymOpsConfig config;
  private final Stores stores;
  private final MutableClock clock;
  private final WorkflowRunner runner;
  private final RecordingGateway sms = new RecordingGateway();
  private final RecordingGateway email = new RecordingGateway();
  private final Dispatcher dispatcher;

  private TestClub(Path directory, Database database, String moreConfig) {
    this.directory = directory;
    this.database = database;
    this.config = ConfigLoader.parse(CONFIG + moreConfig, Map.of(), ZONE);
    this.stores = Persistence.stores(database);
    this.clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"), ZONE);
    this.runner =
        Runners.runner(
            config,
            stores,
            new ActionExecutor(stores, MessageTemplates.defaults()),
            Runners.planner(stores, MessageTemplates.defaults()),
            new CsvReportWriter(directory.resolve("reports")),
            clock);
    this.dispatcher =
        new Dispatcher(
            config,
            dispatchStores(),
            sms,
            email,
            new ManagerMessages(stores.outbox(), MessageTemplates.defaults()));
  }

  /** A fresh database in {@code directory}, or the existing one there opened again. */
  public static TestClub in(Path directory) {
    return in(directory, "");
  }

  /** The same club with more top-level settings, e.g. {@code approvals: {referral_list: false}}. */
  public static TestClub in(Path directory, String moreConfig) {
    return new TestClub(directory, TestDatabases.embedded(directory), moreConfig);
  }

  public static Instant at(LocalDateTime clubLocal) {
    return clubLocal.atZone(ZONE).toInstant();
  }

  /** The database itself, for the stores a test wires on its own. */
  public Database database() {
    return database;
  }

  /** The stores a {@link Dispatcher} works with, from this club's database. */
  public DispatchStores dispatchStores() {
    return new DispatchStores(
        stores.outbox(),
        stores.members(),
        stores.attempts(),
        stores.inbound(),
        stores.referrals(),
        stores.runs(),
        stores.senderPauses(),
        stores.transactor());
  }

  /** The stores the agent's tools read, from this club's database. */
  public MemberRecords memberRecords() {
    return new MemberRecords(
        stores.members(), stores.attempts(), stores.notes(), stores.referrals());
  }

  public Stores stores() {
    return stores;
  }

  public GymOpsConfig config() {
    return config;
  }

  public MutableClock clock() {
    return clock;
  }

  public Path reports() {
    return directory.resolve("reports");
  }

  public RecordingGateway sms() {
    return sms;
  }

  public RecordingGateway email() {
    return email;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public WorkflowRunner runner() {
    return runner;
  }

  /** A runner on this club whose agent and shadow runs use {@code agent}. */
  public WorkflowRunner runner(com.gymops.application.run.RunAgent agent) {
    return Runners.runner(
        config,
        stores,
        new ActionExecutor(stores, MessageTemplates.defaults()),
        Runners.planner(stores, MessageTemplates.defaults()),
        new CsvReportWriter(directory.resolve("reports")),
        clock,
        agent);
  }

  /** A note written by staff, as the club system would have it. */
  public void staffNote(MemberId member, Instant at, String text) {
    stores
        .notes()
        .add(
            new com.gymops.domain.Note(
                member,
                at,
                com.gymops.domain.NotePriority.NORMAL,
                com.gymops.domain.NoteCategory.BILLING,
                text,
                "dana.front-desk"),
            "staff:" + SEED_KEYS.incrementAndGet(),
            null);
  }

  public void seed(Member... members) {
    stores.members().upsertAll(List.of(members), clock.instant());
  }

  /** A past reminder (or invoice) on file for the member, as an import would add it. */
  public void seedAttempt(MemberId member, Instant at, AttemptKind kind, AttemptOutcome outcome) {
    stores
        .attempts()
        .addAll(
            List.of(
                new KeyedAttempt(
                    new CollectionAttempt(member, at, kind, Channel.SMS, outcome),
                    "seed:" + SEED_KEYS.incrementAndGet(),
                    null)));
  }

  public RunReport run(WorkflowId workflow, Instant at) {
    clock.set(at);
    return runner.run(new RunRequest(workflow, MAIN, RunMode.RULES, false, at));
  }

  public RunReport dryRun(WorkflowId workflow, Instant at) {
    clock.set(at);
    return runner.run(new RunRequest(workflow, MAIN, RunMode.RULES, true, at));
  }

  /** Rows in every table a workflow's effects land in. */
  public Map<String, Long> effectCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "outbound_message",
            "member_note",
            "collection_attempt",
            "door_change",
            "referral",
            "escalation")) {
      counts.put(table, count("SELECT COUNT(*) FROM " + table));
    }
    return counts;
  }

  /** The first column of every row the query returns, as text (null as "-"). */
  public List<String> strings(String sql) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle.createQuery(sql).map((rs, ctx) -> String.valueOf(rs.getObject(1))).list());
  }

  public long count(String sql) {
    return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
  }

  /** The outcomes of a report's actions, e.g. {@code done}, {@code already done}. */
  public static List<String> outcomes(RunReport report) {
    List<String> outcomes = new ArrayList<>();
    report.actions().forEach(action -> outcomes.add(action.outcome()));
    return outcomes;
  }

  @Override
  public void close() {
    database.close();
  }
}
