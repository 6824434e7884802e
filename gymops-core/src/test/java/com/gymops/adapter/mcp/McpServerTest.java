package com.gymops.adapter.mcp;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.adapter.web.OpsServer;
import com.gymops.app.GymOpsApp;
import com.gymops.application.care.Actor;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.cli.Main;
import com.gymops.domain.Approval;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP server as a client sees it, through the SDK's own client: over standard input and output
 * with {@code gymops mcp} in a child process, and over Streamable HTTP on the server {@code serve}
 * starts, behind API tokens.
 */
class McpServerTest {
  private static final String CONFIG =
      """
      clubs:
        - {id: main, name: Main Street Fitness, timezone: America/New_York}
        - {id: north, name: North Side Gym, timezone: America/New_York}
      """;

  @TempDir Path directory;
  private Path config;
  private Path data;
  private String mainToken;
  private String northToken;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void seed() throws Exception {
    config = directory.resolve("gymops.yml");
    Files.writeString(config, CONFIG);
    data = directory.resolve("data");
    try (GymOpsApp app = openApp()) {
      LocalDate since = LocalDate.now(ZoneId.of("America/New_York")).minusDays(40);
      Instant now = Instant.now();
      app.stores()
          .members()
          .upsertAll(
              List.of(
                  aMember()
                      .withId("M1")
                      .named("Keisha", "Brown")
                      .withBalance("250.00", since)
                      .build(),
                  aMember().withId("M2").named("Ana", "Lopez").withBalance("120.00", since).build(),
                  aMember().withId("M3").named("Ben", "Ode").withBalance("100.50", since).build(),
                  aMember().withId("M4").named("Cy", "Park").withBalance("99.99", since).build(),
                  aMember().withId("M5").named("Di", "Ng").withBalance("40.00", since).build(),
                  aMember().withId("M6").named("Ed", "Fox").build(),
                  prospect("P1", "Ann").build(),
                  prospect("P2", "Cal").withConsent(false).build(),
                  prospect("P3", "Dee").optedOut().build(),
                  prospect("P4", "Bo").build(),
                  aMember()
                      .withId("N1")
                      .named("Nia", "North")
                      .inClub("north")
                      .withBalance("500.00", since)
                      .build()),
              now);
      // Ana was texted a reminder two days ago.
      app.stores()
          .attempts()
          .addAll(
              List.of(
                  new KeyedAttempt(
                      new CollectionAttempt(
                          new MemberId("M2"),
                          now.minus(Duration.ofDays(2)),
                          AttemptKind.FRIENDLY,
                          Channel.SMS,
                          AttemptOutcome.DELIVERED),
                      "test:1",
                      null)));
      mainToken = app.apiAccess().create("desk-assistant", new ClubId("main")).secret();
      northToken = app.apiAccess().create("north-assistant", new ClubId("north")).secret();
    }
  }

  private static com.gymops.testing.MemberBuilder prospect(String id, String first) {
    return aMember().withId(id).named(first, "Lee").withStatus(MemberStatus.PROSPECT);
  }

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private GymOpsApp openApp() throws Exception {
    return GymOpsApp.open(
        ConfigLoader.load(java.util.Optional.of(config), Map.of(), ZoneId.of("UTC")),
        data,
        Clock.systemUTC());
  }

  private McpSyncClient stdio(String token) {
    ServerParameters server =
        ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--config",
                config.toString(),
                "--data",
                data.toString(),
                "mcp")
            .addEnvVar("GYMOPS_TOKEN", token)
            .build();
    return connect(new StdioClientTransport(server, McpJsonDefaults.getMapper()));
  }

  private McpSyncClient http(GymOpsApp app, String token) {
    OpsServer server =
        OpsServer.start(
            0,
            List::of,
            () -> "",
            null,
            null,
            null,
            Map.of(
                McpHttpEndpoint.PATH,
                McpHttpEndpoint.create(app.apiAccess(), app.askTools(), "test")));
    open.add(server);
    return connect(
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint(McpHttpEndpoint.PATH)
            .httpRequestCustomizer(
                (request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token))
            .build());
  }

  private McpSyncClient connect(io.modelcontextprotocol.spec.McpClientTransport transport) {
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(60))
            .build();
    open.add(client::closeGracefully);
    client.initialize();
    return client;
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  @SuppressWarnings("unchecked")
  private static List<String> firstColumn(McpSchema.CallToolResult result) {
    Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
    List<Map<String, Object>> tables = (List<Map<String, Object>>) structured.get("tables");
    List<List<String>> rows = (List<List<String>>) tables.get(0).get("rows");
    return rows.stream().map(row -> row.get(0)).toList();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Test
  void
      over_stdio_the_tools_list_their_schemas_and_the_past_due_over_100_are_exactly_the_right_ones()
          throws Exception {
    McpSyncClient client = stdio(mainToken);

    List<McpSchema.Tool> tools = client.listTools().tools();
    McpSchema.CallToolResult over100 =
        call(client, "list_past_due_members", Map.of("min_balance", 100));
    McpSchema.CallToolResult quiet =
        call(client, "list_past_due_members", Map.of("min_balance", 100, "not_texted_days", 7));

    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .containsExactlyInAnyOrder(
            "list_past_due_members",
            "get_member",
            "get_collection_attempts",
            "get_door_state",
            "list_runs",
            "get_run",
            "list_approvals",
            "get_schedule",
            "get_today_summary",
            "request_lock",
            "request_unlock",
            "request_collection_hold",
            "request_note",
            "request_workflow_run",
            "request_message");
    McpSchema.Tool lock =
        tools.stream().filter(t -> t.name().equals("request_lock")).findFirst().orElseThrow();
    assertThat(lock.inputSchema())
        .containsEntry("type", "object")
        .containsEntry("required", List.of("member_id", "reason"))
        .containsEntry("additionalProperties", false);
    assertThat(lock.annotations().readOnlyHint()).isFalse();
    assertThat(tools)
        .filteredOn(t -> !t.name().startsWith("request_"))
        .allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
    assertThat(over100.isError()).isFalse();
    assertThat(firstColumn(over100)).containsExactly("M1", "M2", "M3");
    assertThat(text(over100)).startsWith("3 members of Main Street Fitness owing at least $100.00");
    assertThat(text(over100)).contains("$470.50 in all", "Keisha Brown", "$250.00");
    assertThat(firstColumn(quiet)).containsExactly("M1", "M3");
  }

  @Test
  void over_stdio_a_lock_files_an_approval_locks_nobody_and_is_audited_as_the_token()
      throws Exception {
    McpSyncClient client = stdio(mainToken);

    McpSchema.CallToolResult lock =
        call(
            client, "request_lock", Map.of("member_id", "M1", "reason", "owes $250 since October"));
    McpSchema.CallToolResult inbox = call(client, "list_approvals", Map.of());
    client.closeGracefully();

    assertThat(lock.isError()).as(text(lock)).isFalse();
    assertThat(text(lock)).contains("Filed approval", "nothing happens until a person approves it");
    assertThat(firstColumn(inbox)).hasSize(1);
    try (GymOpsApp app = openApp()) {
      assertThat(app.stores().members().find(new MemberId("M1")).orElseThrow().door())
          .isEqualTo(DoorAccess.OPEN);
      List<Approval> pending = app.approvals().list(Actor.person("manager"), null, true);
      assertThat(pending)
          .singleElement()
          .satisfies(
              approval -> {
                assertThat(approval.kind()).isEqualTo(Approval.Kind.REQUEST);
                assertThat(approval.clubId()).isEqualTo(new ClubId("main"));
                assertThat(approval.requestedBy()).isEqualTo("token:desk-assistant");
                assertThat(approval.summary()).contains("Keisha Brown");
              });
      assertThat(app.stores().audit().latest(10))
          .anySatisfy(
              entry -> {
                assertThat(entry.actor()).isEqualTo("token:desk-assistant");
                assertThat(entry.action()).isEqualTo("request");
              });

      // Only a person's approval carries it out, through the manual lock's run.
      app.approvals().approve(Actor.person("manager"), pending.get(0).id());
      assertThat(app.stores().members().find(new MemberId("M1")).orElseThrow().door())
          .isEqualTo(DoorAccess.LOCKED_OTHER);
    }
  }

  @Test
  void over_http_another_clubs_token_sees_nothing_of_it() throws Exception {
    GymOpsApp app = openApp();
    open.add(app);
    {
      McpSyncClient main = http(app, mainToken);
      McpSyncClient north = http(app, northToken);

      McpSchema.CallToolResult filed =
          call(
              main,
              "request_collection_hold",
              Map.of(
                  "member_id",
                  "M1",
                  "until",
                  LocalDate.now().plusDays(20).toString(),
                  "reason",
                  "payment plan agreed at the desk"));
      McpSchema.CallToolResult northPastDue =
          call(north, "list_past_due_members", Map.of("min_balance", 100));
      McpSchema.CallToolResult northMember = call(north, "get_member", Map.of("member_id", "M1"));
      McpSchema.CallToolResult northLock =
          call(north, "request_lock", Map.of("member_id", "M1", "reason", "probe"));
      McpSchema.CallToolResult northMainClub =
          call(north, "list_approvals", Map.of("club_id", "main"));
      McpSchema.CallToolResult northInbox = call(north, "list_approvals", Map.of());
      McpSchema.CallToolResult mainPastDue =
          call(main, "list_past_due_members", Map.of("min_balance", 100));

      assertThat(filed.isError()).as(text(filed)).isFalse();
      assertThat(firstColumn(northPastDue)).containsExactly("N1");
      assertThat(firstColumn(mainPastDue)).containsExactly("M1", "M2", "M3");
      assertThat(northMember.isError()).isTrue();
      assertThat(text(northMember)).isEqualTo("no member 'M1'");
      assertThat(northLock.isError()).isTrue();
      assertThat(text(northLock)).isEqualTo("no member 'M1'");
      assertThat(northMainClub.isError()).isTrue();
      assertThat(firstColumn(northInbox)).isEmpty();
      assertThat(app.approvals().list(Actor.person("manager"), null, true))
          .singleElement()
          .satisfies(a -> assertThat(a.requestedBy()).isEqualTo("token:desk-assistant"));
      assertThat(app.stores().holds().of(new MemberId("M1"))).isEmpty();
    }
  }

  @Test
  void over_http_a_one_off_message_waits_as_its_texts_and_goes_once_to_whom_the_rules_allow_then()
      throws Exception {
    GymOpsApp app = openApp();
    open.add(app);
    McpSyncClient main = http(app, mainToken);
    McpSyncClient north = http(app, northToken);
    Map<String, Object> openHouse =
        Map.of(
            "segment",
            "prospects",
            "text",
            "Hi {first_name}, open house Saturday 10\u20132. Bring a friend!");

    McpSchema.CallToolResult filed = call(main, "request_message", openHouse);
    McpSchema.CallToolResult again = call(main, "request_message", openHouse);
    McpSchema.CallToolResult fromNorth =
        call(
            north,
            "request_message",
            Map.of("segment", "prospects", "text", "Hi", "club_id", "main"));
    McpSchema.CallToolResult tooLong =
        call(main, "request_message", Map.of("segment", "prospects", "text", "x".repeat(300)));
    McpSchema.CallToolResult nobody =
        call(main, "request_message", Map.of("segment", "ppv", "text", "Come back!"));

    assertThat(filed.isError()).as(text(filed)).isFalse();
    assertThat(text(filed))
        .contains("Filed approval", "nothing happens until a person approves it");
    assertThat(text(again)).contains("waits already");
    assertThat(fromNorth.isError()).isTrue();
    assertThat(tooLong.isError()).isTrue();
    assertThat(text(tooLong)).isEqualTo("the message is 300 characters; at most 240");
    assertThat(nobody.isError()).isTrue();
    assertThat(text(nobody)).isEqualTo("there are no pay-per-visit members to text");
    List<Approval> messages =
        app.approvals().list(Actor.person("manager"), null, true).stream()
            .filter(a -> a.kind() == Approval.Kind.MESSAGE)
            .toList();
    assertThat(messages).hasSize(1);
    Approval approval = messages.get(0);
    assertThat(approval.requestedBy()).isEqualTo("token:desk-assistant");
    assertThat(approval.summary()).contains("text 2 members among prospects");
    assertThat(approval.actions())
        .extracting(a -> a.memberId().value())
        .containsExactly("P1", "P4");
    assertThat(sent(app, "P1")).isEmpty();

    // Bo replies STOP before the manager approves: the approval no longer reaches him.
    app.stores()
        .members()
        .upsertAll(List.of(prospect("P4", "Bo").optedOut().build()), Instant.now());
    app.approvals().approve(Actor.person("manager"), approval.id());
    // Today's campaign run finds Ann texted today: the one-off was her marketing text of the day.
    app.runner()
        .run(
            new RunRequest(
                WorkflowId.DAILY_CAMPAIGNS,
                new ClubId("main"),
                RunMode.RULES,
                false,
                Instant.now()));

    assertThat(sent(app, "P1"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.body())
                    .isEqualTo(
                        "Main Street Fitness: Hi Ann, open house Saturday 10-2. Bring a friend!"
                            + " Reply STOP to opt out."));
    assertThat(sent(app, "P4")).isEmpty();
    assertThat(sent(app, "P2")).isEmpty();
    assertThat(sent(app, "P3")).isEmpty();
  }

  private static List<OutboundMessage> sent(GymOpsApp app, String member) {
    return app.stores().outbox().ofMember(new MemberId(member));
  }

  @Test
  void over_http_reads_answer_for_a_member_who_owes_nothing_and_bad_arguments_are_refused_by_name()
      throws Exception {
    GymOpsApp app = openApp();
    open.add(app);
    McpSyncClient main = http(app, mainToken);

    McpSchema.CallToolResult paidUp = call(main, "get_member", Map.of("member_id", "M6"));
    McpSchema.CallToolResult negative =
        call(main, "list_past_due_members", Map.of("min_balance", -5));
    McpSchema.CallToolResult badDate =
        call(
            main,
            "request_collection_hold",
            Map.of("member_id", "M1", "until", "the 15th", "reason", "plan"));
    McpSchema.CallToolResult past =
        call(
            main,
            "request_collection_hold",
            Map.of("member_id", "M1", "until", "2020-01-01", "reason", "plan"));

    assertThat(paidUp.isError()).as(text(paidUp)).isFalse();
    assertThat(text(paidUp)).startsWith("Ed Fox (M6)").contains("owes $0.00");
    assertThat(negative.isError()).isTrue();
    assertThat(text(negative)).contains("min_balance");
    assertThat(badDate.isError()).isTrue();
    assertThat(text(badDate)).contains("until must be a date as YYYY-MM-DD");
    assertThat(past.isError()).isTrue();
    assertThat(text(past)).contains("must be after today");
    assertThat(app.approvals().list(Actor.person("manager"), null, true)).isEmpty();
  }

  @Test
  void over_http_a_request_without_a_valid_token_gets_401() throws Exception {
    GymOpsApp app = openApp();
    open.add(app);
    {
      OpsServer server =
          OpsServer.start(
              0,
              List::of,
              () -> "",
              null,
              null,
              null,
              Map.of(
                  McpHttpEndpoint.PATH,
                  McpHttpEndpoint.create(app.apiAccess(), app.askTools(), "test")));
      open.add(server);
      java.net.http.HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                      .header("Authorization", "Bearer gyo_not-a-token")
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json, text/event-stream")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(response.body()).contains("gymops tokens create");
    }
  }
}
