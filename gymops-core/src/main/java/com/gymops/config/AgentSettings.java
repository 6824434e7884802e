package com.gymops.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code agent:} section: how runs decide when the command line does not say, which model, and
 * the budgets of one agent run (docs/ARCHITECTURE.md, Agent mode). The API key comes only from
 * {@code ANTHROPIC_API_KEY}; it is kept here so the composition root can decide whether an agent
 * exists at all, and never printed.
 *
 * @param mode {@code rules}, {@code agent} or {@code shadow}: the mode of a run without {@code
 *     --mode}; absent in the file, {@code agent} when an API key is set, else {@code rules}
 * @param baseUrl the Messages API base URL; null means the SDK's default
 * @param maxTurns LLM requests per run
 * @param maxToolCalls tool calls per run, over all turns
 * @param maxInputTokens input tokens per run, summed over all requests
 * @param maxTime wall time of the agent's part of a run
 * @param maxOutputTokens {@code max_tokens} of each request
 * @param maxRetries the SDK's retries of one request (429, 5xx, 529, connection errors)
 * @param requestTimeout the SDK's timeout of one request
 * @param reviewWhen when the model is asked at all: {@code always} (any plan with actions), {@code
 *     exceptions} (only a plan with exceptions worth a look, the default) or {@code never}; an
 *     empty plan is never sent, and a plan not sent runs by the rules
 * @param reviewEvery how often a workflow's exceptions go to the model: {@code day} (the default:
 *     the first run of the club-local day with exceptions asks; a later run of the day asks not
 *     again, defers its exceptions' members to the next review and runs the rest by the rules) or
 *     {@code run} (every run with exceptions asks); only with {@code review_when: exceptions}
 * @param tools the tools offered to the model: {@code plan} (review, drill-down, hold, execute; the
 *     default) or {@code seed} (every tool of the workflow, the specification's per-member ones
 *     too)
 */
public record AgentSettings(
    String mode,
    String model,
    String baseUrl,
    String apiKey,
    int maxTurns,
    int maxToolCalls,
    long maxInputTokens,
    Duration maxTime,
    int maxOutputTokens,
    int maxRetries,
    Duration requestTimeout,
    String reviewWhen,
    String reviewEvery,
    String tools) {
  public static final List<String> MODES = List.of("rules", "agent", "shadow");
  public static final List<String> REVIEW_WHEN = List.of("always", "exceptions", "never");
  public static final List<String> REVIEW_EVERY = List.of("run", "day");
  public static final List<String> TOOLS = List.of("plan", "seed");
  public static final String DEFAULT_MODEL = "claude-sonnet-5-5";
  public static final String API_KEY_ENV = "ANTHROPIC_API_KEY";
  public static final String BASE_URL_ENV = "ANTHROPIC_BASE_URL";

  /** Without a key, the mode agent runs fall back to the rules. */
  public static final AgentSettings DEFAULTS =
      new AgentSettings(
          "rules",
          DEFAULT_MODEL,
          null,
          null,
          20,
          60,
          400_000,
          Duration.ofMinutes(5),
          4096,
          2,
          Duration.ofSeconds(120),
          "exceptions",
          "day",
          "plan");

  public AgentSettings {
    Objects.requireNonNull(mode, "mode");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("mode must be one of " + MODES + ", not " + mode);
    }
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(maxTime, "maxTime");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(reviewWhen, "reviewWhen");
    if (!REVIEW_WHEN.contains(reviewWhen)) {
      throw new IllegalArgumentException(
          "review_when must be one of " + REVIEW_WHEN + ", not " + reviewWhen);
    }
    Objects.requireNonNull(reviewEvery, "reviewEvery");
    if (!REVIEW_EVERY.contains(reviewEvery)) {
      throw new IllegalArgumentException(
          "review_every must be one of " + REVIEW_EVERY + ", not " + reviewEvery);
    }
    Objects.requireNonNull(tools, "tools");
    if (!TOOLS.contains(tools)) {
      throw new IllegalArgumentException("tools must be one of " + TOOLS + ", not " + tools);
    }
  }

  public Optional<String> key() {
    return Optional.ofNullable(apiKey).filter(key -> !key.isBlank());
  }

  public AgentSettings withApiKey(String key) {
    return new AgentSettings(
        mode,
        model,
        baseUrl,
        key,
        maxTurns,
        maxToolCalls,
        maxInputTokens,
        maxTime,
        maxOutputTokens,
        maxRetries,
        requestTimeout,
        reviewWhen,
        reviewEvery,
        tools);
  }

  public AgentSettings withBaseUrl(String url) {
    return new AgentSettings(
        mode,
        model,
        url,
        apiKey,
        maxTurns,
        maxToolCalls,
        maxInputTokens,
        maxTime,
        maxOutputTokens,
        maxRetries,
        requestTimeout,
        reviewWhen,
        reviewEvery,
        tools);
  }

  public AgentSettings withReviewWhen(String when) {
    return new AgentSettings(
        mode,
        model,
        baseUrl,
        apiKey,
        maxTurns,
        maxToolCalls,
        maxInputTokens,
        maxTime,
        maxOutputTokens,
        maxRetries,
        requestTimeout,
        when,
        reviewEvery,
        tools);
  }

  public AgentSettings withReviewEvery(String every) {
    return new AgentSettings(
        mode,
        model,
        baseUrl,
        apiKey,
        maxTurns,
        maxToolCalls,
        maxInputTokens,
        maxTime,
        maxOutputTokens,
        maxRetries,
        requestTimeout,
        reviewWhen,
        every,
        tools);
  }

  public AgentSettings withTools(String set) {
    return new AgentSettings(
        mode,
        model,
        baseUrl,
        apiKey,
        maxTurns,
        maxToolCalls,
        maxInputTokens,
        maxTime,
        maxOutputTokens,
        maxRetries,
        requestTimeout,
        reviewWhen,
        reviewEvery,
        set);
  }

  /** A record's toString would print the key into logs and error messages. */
  @Override
  public String toString() {
    return "AgentSettings[mode="
        + mode
        + ", model="
        + model
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (key().isPresent() ? "<redacted>" : "<none>")
        + ", maxTurns="
        + maxTurns
        + ", maxToolCalls="
        + maxToolCalls
        + ", maxInputTokens="
        + maxInputTokens
        + ", maxTime="
        + maxTime
        + ", reviewWhen="
        + reviewWhen
        + ", reviewEvery="
        + reviewEvery
        + ", tools="
        + tools
        + "]";
  }
}
