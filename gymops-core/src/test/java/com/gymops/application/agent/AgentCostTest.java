package com.gymops.application.agent;

import static com.gymops.testing.MemberBuilder.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gymops.adapter.llm.AnthropicLlmClient;
import com.gymops.adapter.reports.CsvReportWriter;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.AgentOutcome.LlmFigures;
import com.gymops.application.run.ApprovalDesk;
import com.gymops.application.run.ClubPopulation;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunReportJson;
import com.gymops.application.run.RunRequest;
import com.gymops.config.AgentSettings;
import com.gymops.domain.Approval;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.MemberId;
import com.gymops.domain.TranscriptEntry;
import com.gymops.domain.WorkflowId;
import com.gymops.fakes.CompetentModel;
import com.gymops.fakes.FakeMessagesApi;
import com.gymops.fakes.ScriptedModel;
import com.gymops.fakes.ScriptedModel.Answer;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.Runners;
import com.gymops.testing.TestClub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an agent run costs: when the model is asked at all, the prompt cache, and the report. */
class AgentCostTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WorkflowId PAST_DUE = WorkflowId.PAST_DUE_MONITORING;

  @TempDir Path directory;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  private AgentClub club(String name, ScriptedModel model, AgentSettings settings) {
    AgentClub club = new AgentClub(directory.resolve(name), model, settings);
    opened.add(club);
    return club;
  }

  private AgentClub club(String name, ScriptedModel model) {
    return club(name, model, AgentSettings.DEFAULTS.withApiKey(AgentClub.KEY));
  }

  private static RunReport run(AgentClub club) {
    return club.run(PAST_DUE, ClubPopulation.scheduled(PAST_DUE), RunMode.AGENT);
  }

  /** A run whose holds are filed as approvals, as in {@code serve} and {@code gymops run}. */
  private RunReport runFilingApprovals(AgentClub club, Instant at) {
    return runFilingApprovals(club, PAST_DUE, at);
  }

  private RunReport runFilingApprovals(AgentClub club, WorkflowId workflow, Instant at) {
    TestClub test = club.club;
    ActionExecutor executor = new ActionExecutor(test.stores(), MessageTemplates.defaults());
    ApprovalDesk desk = Runners.filing(test.config(), test.stores(), test.clock());
    test.clock().set(at);
    return Runners.runner(
            test.config(),
            test.stores(),
            executor,
            Runners.planner(test.stores(), MessageTemplates.defaults()),
            new CsvReportWriter(directory.resolve("reports")),
            test.clock(),
            club.agent(),
            desk)
        .run(new RunRequest(workflow, TestClub.MAIN, RunMode.AGENT, false, at));
  }

  /** 50 ordinary past-due members: a plan of reminders with nothing out of the way. */
  private static void ordinaryDebts(AgentClub club) {
    club.club.seed(AgentModeTest.pastDue(50));
  }

  @Test
  void an_empty_plan_sends_no_request_and_runs_by_the_rules() {
    AgentClub club = club("empty", new CompetentModel());

    RunReport report = run(club);

    assertThat(club.api.requests()).isZero();
    assertThat(report.actions()).isEmpty();
    assertThat(report.modeUsed()).isEqualTo("rules");
    assertThat(report.agent().modelAsked()).isFalse();
    assertThat(report.agent().review()).isEqualTo("nothing to review: the plan is empty");
    assertThat(report.agent().fallbackReason()).isNull();
    List<TranscriptEntry> transcript = club.club.stores().transcripts().of(report.runId());
    assertThat(transcript)
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo("decision"));
    assertThat(RunReportJson.tree(report).get("agent").get("review").asText())
        .startsWith("nothing to review");
  }

  @Test
  void a_member_the_agent_held_stays_held_for_the_day_without_asking_the_model_again() {
    AgentClub club = club("kept", new CompetentModel());
    ClubPopulation.seed(club.club);
    club.club.staffNote(
        ClubPopulation.BIG_DEBT,
        ClubPopulation.local(ClubPopulation.TODAY.minusDays(1), LocalTime.NOON),
        "Payment plan agreed");

    RunReport first = runFilingApprovals(club, ClubPopulation.scheduled(PAST_DUE));
    long asked = club.api.requests();
    assertThat(first.agent().modelAsked()).isTrue();
    assertThat(club.club.stores().approvals().list(null, false))
        .singleElement()
        .satisfies(approval -> assertThat(approval.kind()).isEqualTo(Approval.Kind.AGENT_HOLD));
    String approval = club.club.stores().approvals().list(null, false).get(0).id();

    // An hour later the rules plan the held reminder again: it stays held, the model is not asked.
    Instant hourLater = ClubPopulation.scheduled(PAST_DUE).plus(Duration.ofHours(1));
    RunReport second = runFilingApprovals(club, hourLater);
    assertThat(club.api.requests()).isEqualTo(asked);
    assertThat(second.agent().modelAsked()).isFalse();
    assertThat(second.actions())
        .filteredOn(action -> action.memberId().equals(ClubPopulation.BIG_DEBT.value()))
        .isNotEmpty()
        .allSatisfy(action -> assertThat(action.outcome()).isEqualTo("held"));
    assertThat(club.club.stores().outbox().ofMember(ClubPopulation.BIG_DEBT)).isEmpty();
    assertThat(club.club.stores().approvals().list(null, false)).hasSize(1);

    // Kept by the manager (denied): still held that day. The next day is a new question.
    club.club
        .stores()
        .approvals()
        .decide(approval, Approval.Status.DENIED, "manager", hourLater, "keep the plan");
    runFilingApprovals(club, hourLater.plus(Duration.ofHours(1)));
    assertThat(club.api.requests()).isEqualTo(asked);
    assertThat(club.club.stores().outbox().ofMember(ClubPopulation.BIG_DEBT)).isEmpty();

    runFilingApprovals(club, ClubPopulation.scheduled(PAST_DUE).plus(Duration.ofDays(1)));
    assertThat(club.api.requests()).isGreaterThan(asked);
  }

  @Test
  void a_plan_without_exceptions_runs_by_the_rules_unless_review_when_is_always() {
    AgentClub quiet = club("quiet", new CompetentModel());
    ordinaryDebts(quiet);

    RunReport report = run(quiet);

    assertThat(quiet.api.requests()).isZero();
    assertThat(report.modeUsed()).isEqualTo("rules");
    assertThat(report.agent().review())
        .startsWith("nothing to review")
        .contains(report.actions().size() + " planned actions");
    assertThat(report.outcomes()).containsKey("done");
    assertThat(report.completedByRules()).isEqualTo(report.actions().size());

    AgentClub always =
        club(
            "always",
            new CompetentModel(),
            AgentSettings.DEFAULTS.withApiKey(AgentClub.KEY).withReviewWhen("always"));
    ordinaryDebts(always);
    RunReport asked = run(always);
    assertThat(always.api.requests()).isPositive();
    assertThat(asked.modeUsed()).isEqualTo("agent");
    assertThat(asked.agent().review()).isEqualTo("asked: agent.review_when is always");

    AgentClub never =
        club(
            "never",
            new CompetentModel(),
            AgentSettings.DEFAULTS.withApiKey(AgentClub.KEY).withReviewWhen("never"));
    ClubPopulation.seed(never.club);
    never.club.staffNote(
        ClubPopulation.BIG_DEBT,
        ClubPopulation.local(ClubPopulation.TODAY.minusDays(1), LocalTime.NOON),
        "Payment plan agreed");
    assertThat(run(never).modeUsed()).isEqualTo("rules");
    assertThat(never.api.requests()).isZero();
  }

  @Test
  void the_stable_prefix_and_the_conversation_are_cached_and_the_figures_priced() {
    AgentClub club = club("cached", new CompetentModel());
    ordinaryDebts(club);
    club.club.staffNote(
        new MemberId("M00001"),
        ClubPopulation.local(ClubPopulation.TODAY.minusDays(1), LocalTime.NOON),
        "Payment plan agreed");

    RunReport report = run(club);

    assertThat(report.modeUsed()).isEqualTo("agent");
    assertThat(club.api.rejections()).isEmpty();
    List<JsonNode> requests = requests(club.club.stores().transcripts().of(report.runId()));
    assertThat(requests).hasSize(4);
    JsonNode first = requests.get(0);
    assertThat(first.get("system").get(0).get("cache_control").get("type").asText())
        .isEqualTo("ephemeral");
    assertThat(first.get("tools")).hasSize(4);
    // The hold's result (request 3) carries the conversation's breakpoint; the review_plan
    // answer (request 2) does not, since it is summarised from the next request on.
    assertThat(lastBlock(requests.get(1)).has("cache_control")).isFalse();
    assertThat(lastBlock(requests.get(2)).get("cache_control").get("type").asText())
        .isEqualTo("ephemeral");
    assertThat(requests.get(2).get("replaced").toString()).contains("summarised");

    LlmFigures llm = report.agent().llm();
    assertThat(llm.cacheCreationInputTokens()).isEqualTo(club.api.cacheCreationInputTokens());
    assertThat(llm.cacheReadInputTokens()).isEqualTo(club.api.cacheReadInputTokens());
    assertThat(llm.cacheReadInputTokens()).isPositive();
    assertThat(llm.cacheCreationInputTokens()).isPositive();
    assertThat(llm.inputTokens()).isEqualTo(club.api.inputTokens());
    ModelPrices.Price sonnet = ModelPrices.of("claude-sonnet-5-5").orElseThrow();
    assertThat(llm.costUsd())
        .isCloseTo(
            sonnet.cost(
                llm.uncachedInputTokens(),
                llm.cacheCreationInputTokens(),
                llm.cacheReadInputTokens(),
                llm.outputTokens()),
            org.assertj.core.data.Offset.offset(1e-6));
    assertThat(llm.costUsd()).isLessThan(sonnet.cost(llm.inputTokens(), 0, 0, llm.outputTokens()));
    JsonNode json = RunReportJson.tree(report).get("llm");
    assertThat(json.get("cache_read_input_tokens").asLong()).isEqualTo(llm.cacheReadInputTokens());
    assertThat(json.get("cost_usd").asDouble()).isEqualTo(llm.costUsd());
  }

  @Test
  void the_report_is_found_when_the_closing_words_come_in_a_thinking_block() {
    String words = "Done: 50 reminders planned and sent, one member held for a staff note.";
    ScriptedModel competent = new CompetentModel();
    ScriptedModel thinkingAtTheEnd =
        request -> {
          ScriptedModel.Reply reply = competent.respond(request);
          return reply.body().path("stop_reason").asText().equals("end_turn")
              ? new Answer().thinking(words).endTurn()
              : reply;
        };
    AgentClub club = club("thinking", thinkingAtTheEnd);
    ordinaryDebts(club);
    club.club.staffNote(
        new MemberId("M00002"),
        ClubPopulation.local(ClubPopulation.TODAY.minusDays(1), LocalTime.NOON),
        "Disputes the charge");

    RunReport report = run(club);

    assertThat(report.modeUsed()).isEqualTo("agent");
    assertThat(report.agent().finalText()).isEqualTo(words);
  }

  @Test
  void the_model_id_is_checked_against_the_models_api() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    try (FakeMessagesApi api = new FakeMessagesApi(new CompetentModel());
        AnthropicLlmClient client =
            new AnthropicLlmClient(AgentClub.KEY, api.baseUrl(), 0, Duration.ofSeconds(10))) {
      api.model("claude-old-4", "deprecated", now.plus(Duration.ofDays(20)));
      api.model("claude-gone-3", "retired", now.minus(Duration.ofDays(1)));
      Duration ahead = Duration.ofDays(60);

      assertThat(client.checkModel("claude-sonnet-5-5", now, ahead)).isEmpty();
      assertThat(client.checkModel("claude-old-4", now, ahead))
          .hasValueSatisfying(
              w -> assertThat(w).contains("retires on 2026-12-21").contains("20 days"));
      assertThat(client.checkModel("claude-gone-3", now, ahead))
          .hasValueSatisfying(w -> assertThat(w).contains("is retired"));
      assertThat(client.checkModel("claude-typo-5", now, ahead))
          .hasValueSatisfying(w -> assertThat(w).contains("is not a model"));
      assertThat(api.modelRequests()).isEqualTo(4);
    }
  }

  @Test
  void a_models_api_answer_without_a_lifecycle_is_no_warning_and_no_failure() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    try (FakeMessagesApi api = new FakeMessagesApi(new CompetentModel());
        AnthropicLlmClient client =
            new AnthropicLlmClient(AgentClub.KEY, api.baseUrl(), 0, Duration.ofSeconds(10))) {
      api.model("claude-quiet-5", null, null);
      api.model("claude-quiet-old-4", null, now.plus(Duration.ofDays(20)));

      assertThat(client.checkModel("claude-quiet-5", now, Duration.ofDays(60))).isEmpty();
      assertThat(client.checkModel("claude-quiet-old-4", now, Duration.ofDays(60)))
          .hasValueSatisfying(w -> assertThat(w).contains("retires on 2026-12-21"));
    }
  }

  private static final MemberId NEW_EXCEPTION = new MemberId("N1");
  private static final MemberId NEW_ORDINARY = new MemberId("N2");

  /**
   * The morning's review: the big debt's staff note asks the model, which holds that member. Then,
   * at 10:30, two members fall past due: one with a staff note (a new exception), one without.
   */
  private RunReport morningReviewThenANewException(AgentClub club, WorkflowId workflow) {
    ClubPopulation.seed(club.club);
    club.club.staffNote(
        ClubPopulation.BIG_DEBT,
        ClubPopulation.local(ClubPopulation.TODAY.minusDays(1), LocalTime.NOON),
        "Payment plan agreed");
    RunReport first = runFilingApprovals(club, workflow, ClubPopulation.scheduled(workflow));
    assertThat(first.agent().modelAsked()).isTrue();
    assertThat(first.modeUsed()).isEqualTo("agent");
    Instant halfPast = ClubPopulation.local(ClubPopulation.TODAY, LocalTime.of(10, 30));
    club.club.clock().set(halfPast);
    club.club.seed(
        aMember()
            .withId(NEW_EXCEPTION.value())
            .withBalance("30.00", ClubPopulation.TODAY.minusDays(5))
            .build(),
        aMember()
            .withId(NEW_ORDINARY.value())
            .withBalance("35.00", ClubPopulation.TODAY.minusDays(5))
            .build());
    club.club.staffNote(NEW_EXCEPTION, halfPast, "Says the card was charged twice");
    return first;
  }

  @Test
  void a_later_run_of_the_day_defers_a_new_exception_to_the_next_days_review() {
    AgentClub club = club("daily", new CompetentModel());
    RunReport first = morningReviewThenANewException(club, PAST_DUE);
    long asked = club.api.requests();

    Instant eleven = ClubPopulation.local(ClubPopulation.TODAY, LocalTime.of(11, 0));
    RunReport second = runFilingApprovals(club, eleven);

    // No request; the new exception's actions wait, nothing of theirs happened or was filed.
    assertThat(club.api.requests()).isEqualTo(asked);
    assertThat(second.modeUsed()).isEqualTo("rules");
    assertThat(second.agent().modelAsked()).isFalse();
    assertThat(second.agent().fallbackReason()).isNull();
    assertThat(second.agent().review())
        .startsWith(
            "not asked: the agent reviewed past-due-monitoring today at 10:00 ("
                + first.runId()
                + ")")
        .contains("1 member with an exception deferred to the next review");
    assertThat(second.actions())
        .filteredOn(action -> action.memberId().equals(NEW_EXCEPTION.value()))
        .isNotEmpty()
        .allSatisfy(action -> assertThat(action.outcome()).isEqualTo("deferred"));
    assertThat(second.outcomes()).containsKey("deferred");
    assertThat(club.club.stores().outbox().ofMember(NEW_EXCEPTION)).isEmpty();
    assertThat(
            club.club.count(
                "SELECT COUNT(*) FROM collection_attempt WHERE member_id = '"
                    + NEW_EXCEPTION.value()
                    + "'"))
        .isZero();
    assertThat(club.club.stores().approvals().list(null, false)).hasSize(1);
    assertThat(club.club.stores().runs().events(second.runId()))
        .filteredOn(event -> NEW_EXCEPTION.equals(event.memberId()))
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.outcome()).isEqualTo("deferred"));
    // The rest executes by the rules; the morning's hold stands.
    assertThat(second.actions())
        .filteredOn(action -> action.memberId().equals(NEW_ORDINARY.value()))
        .isNotEmpty()
        .allSatisfy(action -> assertThat(action.outcome()).isNotIn("held", "deferred"));
    assertThat(club.club.stores().outbox().ofMember(NEW_ORDINARY)).isNotEmpty();
    assertThat(second.actions())
        .filteredOn(action -> action.memberId().equals(ClubPopulation.BIG_DEBT.value()))
        .allSatisfy(action -> assertThat(action.outcome()).isEqualTo("held"));
    JsonNode decision = decision(club.club.stores().transcripts().of(second.runId()));
    assertThat(decision.get("review_every").asText()).isEqualTo("day");
    assertThat(decision.get("reviewed_by_run").asText()).isEqualTo(first.runId());
    assertThat(decision.get("deferred_members").asInt()).isEqualTo(1);
    assertThat(RunReportJson.tree(second).get("agent").get("review").asText())
        .contains("deferred to the next review");

    // The next day's first run asks once, and the model sees both members at once.
    RunReport nextDay =
        runFilingApprovals(club, ClubPopulation.scheduled(PAST_DUE).plus(Duration.ofDays(1)));
    assertThat(nextDay.modeUsed()).isEqualTo("agent");
    assertThat(club.api.requests()).isGreaterThan(asked);
    assertThat(reviewedMembers(club.club.stores().transcripts().of(nextDay.runId())))
        .contains(ClubPopulation.BIG_DEBT.value(), NEW_EXCEPTION.value());
  }

  @Test
  void with_review_every_run_each_run_with_a_new_exception_asks() {
    AgentClub club =
        club(
            "every-run",
            new CompetentModel(),
            AgentSettings.DEFAULTS.withApiKey(AgentClub.KEY).withReviewEvery("run"));
    morningReviewThenANewException(club, PAST_DUE);
    long asked = club.api.requests();

    RunReport second =
        runFilingApprovals(club, ClubPopulation.local(ClubPopulation.TODAY, LocalTime.of(11, 0)));

    assertThat(club.api.requests()).isGreaterThan(asked);
    assertThat(second.modeUsed()).isEqualTo("agent");
    assertThat(second.outcomes()).doesNotContainKey("deferred");
    assertThat(reviewedMembers(club.club.stores().transcripts().of(second.runId())))
        .containsExactly(NEW_EXCEPTION.value());
  }

  @Test
  void an_unlock_is_never_deferred() {
    WorkflowId door = WorkflowId.DOOR_ACCESS;
    AgentClub club = club("unlock", new CompetentModel());
    morningReviewThenANewException(club, door);
    long asked = club.api.requests();
    // Paid up while locked for payment, with a staff note: an exception whose plan is an unlock.
    MemberId paid = new MemberId("U2");
    Instant quarterTo = ClubPopulation.local(ClubPopulation.TODAY, LocalTime.of(10, 45));
    club.club.clock().set(quarterTo);
    club.club.seed(aMember().withId(paid.value()).withDoor(DoorAccess.LOCKED_FOR_PAYMENT).build());
    club.club.staffNote(paid, quarterTo, "Paid at the desk in cash");

    RunReport second =
        runFilingApprovals(
            club, door, ClubPopulation.local(ClubPopulation.TODAY, LocalTime.of(11, 0)));

    assertThat(club.api.requests()).isEqualTo(asked);
    assertThat(second.modeUsed()).isEqualTo("rules");
    assertThat(second.agent().review())
        .contains("1 member whose access the plan restores not deferred (an unlock never waits)");
    assertThat(second.actions())
        .filteredOn(action -> action.memberId().equals(paid.value()))
        .isNotEmpty()
        .allSatisfy(action -> assertThat(action.outcome()).isNotIn("held", "deferred"));
    assertThat(club.club.stores().members().find(paid).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
    // The new exception's lock is what waits: the safe direction.
    assertThat(second.actions())
        .filteredOn(action -> action.memberId().equals(NEW_EXCEPTION.value()))
        .isNotEmpty()
        .allSatisfy(action -> assertThat(action.outcome()).isEqualTo("deferred"));
    assertThat(club.club.stores().members().find(NEW_EXCEPTION).orElseThrow().door())
        .isEqualTo(DoorAccess.OPEN);
  }

  @Test
  void a_run_whose_model_was_unavailable_does_not_use_up_the_days_review() {
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    ScriptedModel competent = new CompetentModel();
    ScriptedModel flaky =
        request ->
            down.get()
                ? ScriptedModel.Reply.error(401, "authentication_error", "scripted outage")
                : competent.respond(request);
    AgentClub club = club("flaky", flaky);
    ClubPopulation.seed(club.club);
    club.club.staffNote(
        ClubPopulation.BIG_DEBT,
        ClubPopulation.local(ClubPopulation.TODAY.minusDays(1), LocalTime.NOON),
        "Payment plan agreed");
    RunReport first = runFilingApprovals(club, ClubPopulation.scheduled(PAST_DUE));
    assertThat(first.modeUsed()).isEqualTo("rules-fallback");
    long failed = club.api.requests();

    down.set(false);
    Instant eleven = ClubPopulation.local(ClubPopulation.TODAY, LocalTime.of(11, 0));
    club.club.clock().set(eleven.minus(Duration.ofMinutes(30)));
    club.club.seed(
        aMember()
            .withId(NEW_EXCEPTION.value())
            .withBalance("30.00", ClubPopulation.TODAY.minusDays(5))
            .build());
    club.club.staffNote(NEW_EXCEPTION, eleven.minus(Duration.ofMinutes(30)), "Disputes the fee");
    RunReport second = runFilingApprovals(club, eleven);

    assertThat(club.api.requests()).isGreaterThan(failed);
    assertThat(second.modeUsed()).isEqualTo("agent");
  }

  private static JsonNode decision(List<TranscriptEntry> transcript) {
    try {
      return JSON.readTree(transcript.get(0).body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The member ids of the exceptions review_plan showed the model in the run. */
  private static List<String> reviewedMembers(List<TranscriptEntry> transcript) {
    List<String> members = new ArrayList<>();
    for (JsonNode request : requests(transcript)) {
      for (JsonNode message : request.get("messages")) {
        for (JsonNode block : message.path("content")) {
          if (!block.path("type").asText().equals("tool_result")) {
            continue;
          }
          try {
            JsonNode result = JSON.readTree(contentText(block.get("content")));
            for (JsonNode item : result.path("exceptions").path("items")) {
              members.add(item.path("member_id").asText());
            }
          } catch (java.io.IOException e) {
            // not a JSON result
          }
        }
      }
    }
    return members;
  }

  private static String contentText(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    content.forEach(part -> text.append(part.path("text").asText()));
    return text.toString();
  }

  private static List<JsonNode> requests(List<TranscriptEntry> transcript) {
    List<JsonNode> requests = new ArrayList<>();
    for (TranscriptEntry entry : transcript) {
      if (entry.kind().equals("request")) {
        try {
          requests.add(JSON.readTree(entry.body()));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return requests;
  }

  /** The last content block of the request's newest message. */
  private static JsonNode lastBlock(JsonNode request) {
    JsonNode messages = request.get("messages");
    JsonNode content = messages.get(messages.size() - 1).get("content");
    return content.get(content.size() - 1);
  }
}
