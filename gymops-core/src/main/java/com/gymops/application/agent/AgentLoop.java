package com.gymops.application.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.port.LlmClient;
import com.gymops.application.port.LlmContent;
import com.gymops.application.port.LlmContent.ToolResult;
import com.gymops.application.port.LlmContent.ToolUse;
import com.gymops.application.port.LlmRequest;
import com.gymops.application.port.LlmResponse;
import com.gymops.application.port.LlmTool;
import com.gymops.application.port.LlmUnavailableException;
import com.gymops.application.port.LlmUsage;
import com.gymops.application.port.store.RunStore;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.AgentOutcome;
import com.gymops.application.run.AgentOutcome.BlockedCall;
import com.gymops.application.run.AgentOutcome.HeldMember;
import com.gymops.application.run.AgentOutcome.LlmFigures;
import com.gymops.application.run.DeferredReview;
import com.gymops.application.run.PlanLedger;
import com.gymops.application.run.PlannedRun;
import com.gymops.application.run.RunAgent;
import com.gymops.application.run.RunContext;
import com.gymops.application.tools.MemberRecords;
import com.gymops.application.tools.PlanExceptions;
import com.gymops.application.tools.ToolCatalog;
import com.gymops.application.tools.ToolSession;
import com.gymops.config.AgentSettings;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageTemplates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our own tool-use loop on {@code messages.create} (docs/ARCHITECTURE.md, Agent mode), not the
 * SDK's tool runner, so that the guard sits between each call of the model and its effect and the
 * transcript is complete.
 *
 * <p>Before any request, {@link ReviewDecision} says whether the plan has anything for the model to
 * judge, and ({@code agent.review_every: day}) whether the workflow's review of the day is still to
 * come; if not, no request is made, a later run's exceptions are deferred to the next review, and
 * the runner executes the rest of the plan by the rules. The model is offered only the tools of
 * {@code agent.tools}; the system prompt carries a prompt-cache breakpoint (tools and system are
 * the stable prefix) and {@link Conversation} one on the latest turn.
 *
 * <p>Each turn: send the conversation; run every {@code tool_use} block of the answer through the
 * {@link ToolSession} (which refuses anything outside the plan with an {@code is_error} result);
 * send all of the turn's results back in one user message. The assistant's content goes back
 * exactly as it came, so {@code thinking} blocks and their signatures are echoed unchanged. No
 * sampling parameters and no {@code tool_choice}: current models reject the first, and forcing a
 * tool would take the decision to stop away from the model.
 *
 * <p>Stop reasons, each on purpose:
 *
 * <ul>
 *   <li>{@code tool_use}: run the calls, answer, go on.
 *   <li>{@code end_turn} (and {@code stop_sequence}, which we never set): the agent is done; the
 *       runner completes whatever it neither executed nor held.
 *   <li>{@code max_tokens}: the answer was cut off. Tool calls in it may have lost part of their
 *       input, so none is executed; each gets an error result asking to repeat it, and the loop
 *       goes on. Cut off in plain text, the agent's report was just long: done, as for end_turn.
 *   <li>{@code pause_turn}: the API paused a long turn; sending the answer back as it is resumes
 *       it.
 *   <li>{@code refusal}: the model declined; nothing more from it, the rules complete the run.
 *   <li>{@code model_context_window_exceeded}: the conversation no longer fits; the rules complete
 *       the run. With review_plan and execute_plan this does not happen; with per-member chaining
 *       in a large club it does.
 *   <li>anything else: unknown to us, so not trusted; the rules complete the run.
 * </ul>
 *
 * <p>Budgets (turns, tool calls, input tokens, wall time) are checked before each request; over any
 * of them, or with the model unavailable after the client's retries, the rules complete the run.
 * Thread-safe: all state of a run is local to {@link #drive}.
 */
public final class AgentLoop implements RunAgent {
  private final LlmClient llm;
  private final AgentSettings settings;
  private final ActionExecutor executor;
  private final RunStore runs;
  private final MemberRecords records;
  private final MessageTemplates templates;
  private final Clock clock;

  public AgentLoop(
      LlmClient llm,
      AgentSettings settings,
      ActionExecutor executor,
      RunStore runs,
      MemberRecords records,
      MessageTemplates templates,
      Clock clock) {
    this.llm = llm;
    this.settings = settings;
    this.executor = executor;
    this.runs = runs;
    this.records = records;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public AgentOutcome drive(PlannedRun run, PlanLedger ledger) {
    ToolSession session = new ToolSession(ledger, executor, records, templates);
    WorkflowId workflow = run.context().workflow();
    List<com.gymops.application.tools.Tool> offered =
        ToolCatalog.offered(workflow, settings.tools());
    session.offerOnly(offered.stream().map(com.gymops.application.tools.Tool::name).toList());
    Redaction redaction = new Redaction(settings.apiKey());
    Transcript transcript = new Transcript(clock, redaction);
    ReviewDecision decision =
        ReviewDecision.of(
            settings.reviewWhen(),
            settings.reviewEvery(),
            ledger.entries().size(),
            () -> PlanExceptions.count(session),
            today(run, session, ledger));
    transcript.decision(decision);
    if (!decision.ask()) {
      return AgentOutcome.notAsked(decision.why(), transcript.entries());
    }
    List<LlmTool> tools = ToolDefinitions.of(offered);
    // Tools come before the system prompt in the cached prefix: one breakpoint covers both.
    List<LlmContent.Text> system =
        List.of(new LlmContent.Text(Prompts.system(run.context().club().name()), true));
    Conversation conversation = new Conversation(Prompts.task(workflow));
    Instant started = clock.instant();
    Figures figures = new Figures(ModelPrices.of(settings.model()));
    String finalText = "";
    String stop;
    String fallback = null;
    while (true) {
      String over = overBudget(figures, started);
      if (over != null) {
        stop = "budget";
        fallback = "over budget: " + over;
        break;
      }
      LlmRequest request =
          new LlmRequest(
              settings.model(),
              system,
              conversation.forRequest(),
              tools,
              settings.maxOutputTokens());
      figures.requestBytes += transcript.request(request);
      figures.requests++;
      LlmResponse message;
      try {
        message = llm.create(request);
      } catch (LlmUnavailableException e) {
        transcript.error(e.getMessage());
        stop = "llm_unavailable";
        fallback = "the model is unavailable: " + e.getMessage();
        break;
      }
      transcript.response(message);
      figures.add(message.usage());
      stop = message.stopReason();
      String text = FinalText.of(message, stop.equals("end_turn"));
      if (!text.isBlank()) {
        finalText = redaction.apply(text);
      }
      List<ToolUse> calls = message.toolUses();
      if (stop.equals("tool_use")) {
        if (figures.toolCalls + calls.size() > settings.maxToolCalls()) {
          stop = "budget";
          fallback =
              "over budget: "
                  + (figures.toolCalls + calls.size())
                  + " tool calls, at most "
                  + settings.maxToolCalls();
          break;
        }
        figures.toolCalls += calls.size();
        conversation.assistant(message);
        results(calls, session, conversation, redaction);
      } else if (stop.equals("max_tokens") && !calls.isEmpty()) {
        conversation.assistant(message);
        List<ToolResult> cut = cutOff(calls);
        conversation.results(cut, cut);
      } else if (stop.equals("pause_turn")) {
        conversation.assistant(message);
      } else if (stop.equals("end_turn")
          || stop.equals("stop_sequence")
          || stop.equals("max_tokens")) {
        break;
      } else if (stop.equals("refusal")) {
        fallback = "the model declined to continue (refusal)";
        break;
      } else if (stop.equals("model_context_window_exceeded")) {
        fallback = "the conversation outgrew the model's context window";
        break;
      } else {
        fallback = "unexpected stop reason '" + stop + "'";
        break;
      }
    }
    return new AgentOutcome(
        stop,
        fallback,
        finalText,
        session.holds().stream()
            .map(h -> new HeldMember(h.memberId(), h.reason(), h.actions(), h.note().code()))
            .toList(),
        session.guardBlocks().stream()
            .map(b -> new BlockedCall(b.tool(), b.memberId(), b.reason()))
            .toList(),
        figures.figures(),
        transcript.entries(),
        true,
        decision.why());
  }

  /**
   * {@code review_every: day}: the day's review is the first run of the workflow for the club, that
   * club-local day by the runs' clock time, whose model was asked and finished its review ({@code
   * mode_used: agent}). A run that fell back to the rules does not count: with the model
   * unavailable it got no judgement at all, and over a budget, after a refusal or with the context
   * window full, the rules executed its exceptions without one; deferring later exceptions to a
   * review that did not happen would only delay them with nothing gained, so the next run with
   * exceptions asks again. A dry run, a shadow run (the rules execute its plan) and a run by the
   * rules never count.
   */
  private ReviewDecision.Day today(PlannedRun run, ToolSession session, PlanLedger ledger) {
    RunContext context = run.context();
    ZoneId zone = context.club().zone();
    LocalDate day = context.localDate();
    return new ReviewDecision.Day() {
      @Override
      public Optional<ReviewDecision.EarlierReview> earlierReview() {
        return runs.firstAskedBetween(
                context.club().id(),
                context.workflow(),
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant())
            .map(
                asked ->
                    new ReviewDecision.EarlierReview(
                        asked.runId(),
                        "the agent reviewed "
                            + context.workflow().id()
                            + " today at "
                            + HOUR_MINUTE.format(asked.clockAt().atZone(zone))
                            + " ("
                            + asked.runId()
                            + ")"));
      }

      @Override
      public ReviewDecision.Deferral defer(String reason) {
        int deferred = 0;
        int restoring = 0;
        for (MemberId member : PlanExceptions.members(session)) {
          if (DeferredReview.restoresAccess(ledger.plannedFor(member))) {
            restoring++;
          } else {
            DeferredReview.defer(ledger, member, reason);
            deferred++;
          }
        }
        return new ReviewDecision.Deferral(deferred, restoring);
      }
    };
  }

  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  private String overBudget(Figures figures, Instant started) {
    if (figures.requests >= settings.maxTurns()) {
      return figures.requests + " requests, at most " + settings.maxTurns();
    }
    if (figures.inputTokens >= settings.maxInputTokens()) {
      return figures.inputTokens + " input tokens, at most " + settings.maxInputTokens();
    }
    Duration elapsed = Duration.between(started, clock.instant());
    if (elapsed.compareTo(settings.maxTime()) >= 0) {
      return elapsed.toSeconds() + " s, at most " + settings.maxTime().toSeconds() + " s";
    }
    return null;
  }

  /**
   * Every result of the turn in one user message, in the order of the calls; a tool's summary for
   * later turns goes with it.
   */
  /** The model's inputs are redacted before a tool stores any of them (a note, a hold's reason). */
  private static void results(
      List<ToolUse> calls, ToolSession session, Conversation conversation, Redaction redaction) {
    List<ToolResult> now = new ArrayList<>(calls.size());
    List<ToolResult> later = new ArrayList<>(calls.size());
    for (ToolUse call : calls) {
      JsonNode input = redaction.apply(MessagesJson.parse(call.inputJson()));
      com.gymops.application.tools.ToolResult result =
          ToolCatalog.call(call.name(), input, session);
      ToolResult full = result(call, result.content().toString(), result.isError());
      now.add(full);
      later.add(
          result.summarisedLater()
              ? result(call, result.laterContent().toString(), result.isError())
              : full);
    }
    conversation.results(now, later);
  }

  private static List<ToolResult> cutOff(List<ToolUse> calls) {
    return calls.stream()
        .map(
            call ->
                result(
                    call,
                    "{\"error\":\"your answer was cut off at max_tokens, so this call was not"
                        + " executed; repeat it, with less text before it\"}",
                    true))
        .toList();
  }

  private static ToolResult result(ToolUse call, String content, boolean isError) {
    return new ToolResult(call.id(), content, isError);
  }

  /** The run's running totals. */
  private static final class Figures {
    private final Optional<ModelPrices.Price> price;
    int requests;
    int toolCalls;
    long inputTokens;
    long cacheCreationInputTokens;
    long cacheReadInputTokens;
    long outputTokens;
    long requestBytes;

    Figures(Optional<ModelPrices.Price> price) {
      this.price = price;
    }

    /** The API's input_tokens are the uncached ones; the cache figures come beside them. */
    void add(LlmUsage usage) {
      inputTokens += usage.allInputTokens();
      cacheCreationInputTokens += usage.cacheCreationInputTokens();
      cacheReadInputTokens += usage.cacheReadInputTokens();
      outputTokens += usage.outputTokens();
    }

    LlmFigures figures() {
      long uncached = inputTokens - cacheCreationInputTokens - cacheReadInputTokens;
      double cost =
          price
              .map(
                  p ->
                      p.cost(
                          uncached, cacheCreationInputTokens, cacheReadInputTokens, outputTokens))
              .orElse(0.0);
      return new LlmFigures(
          requests,
          inputTokens,
          outputTokens,
          requestBytes,
          cacheCreationInputTokens,
          cacheReadInputTokens,
          Math.round(cost * 1_000_000) / 1_000_000.0);
    }
  }
}
