package com.gymops.application.agent;

import com.gymops.adapter.llm.AnthropicLlmClient;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.RunAgent;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.config.AgentSettings;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.fakes.ScriptedModel;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestClub} whose agent is the real {@link AgentLoop} and SDK client, talking to a {@link
 * FakeMessagesApi} with the given model. Effects are compared as the member ids of the rows each
 * run added, table by table.
 */
final class AgentClub implements AutoCloseable {
  static final String KEY = "sk-ant-api03-test-key-0123456789";
  static final String HOLD_NOTE = "Held for manager review:%";

  /** Tables with one row per effect; hold notes are counted apart, they are the agent's own. */
  private static final Map<String, String> EFFECTS = new LinkedHashMap<>();

  static {
    for (String table :
        List.of(
            "outbound_message", "collection_attempt", "door_change", "referral", "escalation")) {
      EFFECTS.put(table, "SELECT COALESCE(member_id, '-') FROM " + table + " ORDER BY 1");
    }
    EFFECTS.put(
        "member_note",
        "SELECT member_id FROM member_note WHERE note_text NOT LIKE '"
            + HOLD_NOTE
            + "' ORDER BY 1");
  }

  final TestClub club;
  final FakeMessagesApi api;
  private final AnthropicLlmClient client;
  final AgentSettings settings;

  AgentClub(Path directory, ScriptedModel model) {
    this(directory, model, AgentSettings.DEFAULTS.withApiKey(KEY));
  }

  AgentClub(Path directory, ScriptedModel model, AgentSettings settings) {
    // The referral list executes in the run, as the rules' comparison run does; its approval is
    // tested in care/GatedApprovalsTest.
    this.club = TestClub.in(directory, AgentModeTest.NO_LIST_APPROVAL);
    this.api = new FakeMessagesApi(model);
    this.settings = settings.withBaseUrl(api.baseUrl());
    this.client = new AnthropicLlmClient(KEY, api.baseUrl(), 2, Duration.ofSeconds(10));
  }

  RunAgent agent() {
    MessageTemplates templates = MessageTemplates.defaults();
    return new AgentLoop(
        client,
        settings,
        new ActionExecutor(club.stores(), templates),
        club.stores().runs(),
        club.memberRecords(),
        templates,
        club.clock());
  }

  RunReport run(WorkflowId workflow, Instant at, RunMode mode) {
    return run(workflow, at, mode, agent());
  }

  RunReport run(WorkflowId workflow, Instant at, RunMode mode, RunAgent agent) {
    club.clock().set(at);
    return club.runner(agent).run(new RunRequest(workflow, TestClub.MAIN, mode, false, at));
  }

  /** The member ids of every effect row, by table. */
  static Map<String, List<String>> effects(TestClub club) {
    Map<String, List<String>> effects = new LinkedHashMap<>();
    EFFECTS.forEach((table, sql) -> effects.put(table, club.strings(sql)));
    return effects;
  }

  /** What {@code after} has beyond {@code before}, table by table (multiset difference). */
  static Map<String, List<String>> added(
      Map<String, List<String>> before, Map<String, List<String>> after) {
    Map<String, List<String>> added = new LinkedHashMap<>();
    after.forEach(
        (table, rows) -> {
          List<String> rest = new ArrayList<>(rows);
          before.get(table).forEach(rest::remove);
          added.put(table, rest);
        });
    return added;
  }

  static Map<String, List<String>> without(Map<String, List<String>> effects, String member) {
    Map<String, List<String>> rest = new LinkedHashMap<>();
    effects.forEach(
        (table, rows) -> rest.put(table, rows.stream().filter(m -> !m.equals(member)).toList()));
    return rest;
  }

  @Override
  public void close() {
    client.close();
    api.close();
    club.close();
  }
}
