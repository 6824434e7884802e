package com.gymops.application.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.run.ActionExecutor;
import com.gymops.application.run.EffectKeys;
import com.gymops.application.run.Outcome;
import com.gymops.application.run.PlanLedger;
import com.gymops.application.run.PlanLedger.Entry;
import com.gymops.application.run.PlanLedger.Match;
import com.gymops.application.run.PlanLedger.Status;
import com.gymops.application.run.PlannedRun;
import com.gymops.application.run.RunContext;
import com.gymops.domain.MemberId;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.CollectionFacts;
import com.gymops.policy.Effect;
import com.gymops.policy.MemberSnapshot;
import com.gymops.policy.MessageTemplates;
import com.gymops.policy.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One workflow run as the tools see it: the plan the policy made, and the single path from a tool
 * call to a side effect. A mutating call is matched against the plan ({@link PlanLedger}); only a
 * planned action not yet executed or held is executed, anything else is refused with the reason and
 * recorded in {@link #guardBlocks()}.
 *
 * <p>Not thread-safe: one run, one thread.
 */
public final class ToolSession {
  /** Holds per run: above this, holding turns into not running the workflow at all. */
  public static final int MAX_HOLDS_PER_RUN = 10;

  static final String HOLD_NOTE_PREFIX = "Held for manager review: ";

  private final PlannedRun run;
  private final PlanLedger ledger;
  private final ActionExecutor executor;
  private final MemberRecords records;
  private final MessageTemplates templates;
  private final Map<MemberId, MemberSnapshot> members = new LinkedHashMap<>();
  private final List<GuardBlock> blocks = new ArrayList<>();
  private final Map<String, Hold> holds = new LinkedHashMap<>();
  private final Map<String, Object> remembered = new java.util.HashMap<>();
  private java.util.Set<String> offered;

  public ToolSession(
      PlannedRun run, ActionExecutor executor, MemberRecords records, MessageTemplates templates) {
    this(new PlanLedger(run, executor), executor, records, templates);
  }

  /**
   * A session on a ledger the caller keeps, so the runner can complete what the agent left. On a
   * dry-run ledger (a shadow run) nothing is executed, not even the note of a hold.
   */
  public ToolSession(
      PlanLedger ledger,
      ActionExecutor executor,
      MemberRecords records,
      MessageTemplates templates) {
    PlannedRun run = ledger.run();
    this.run = run;
    this.ledger = ledger;
    this.executor = executor;
    this.records = records;
    this.templates = templates;
    for (MemberSnapshot member : run.snapshot().members()) {
      members.put(member.member().id(), member);
    }
  }

  public RunContext context() {
    return run.context();
  }

  public WorkflowId workflow() {
    return run.context().workflow();
  }

  public ClubSnapshot snapshot() {
    return run.snapshot();
  }

  public Plan plan() {
    return run.plan();
  }

  public PlanLedger ledger() {
    return ledger;
  }

  public MemberRecords records() {
    return records;
  }

  public MessageTemplates templates() {
    return templates;
  }

  /** The member as this run saw them, if the run's snapshot holds them. */
  public Optional<MemberSnapshot> member(MemberId id) {
    return Optional.ofNullable(members.get(id));
  }

  /** The members this run saw, in snapshot order. */
  public List<MemberSnapshot> members() {
    return List.copyOf(members.values());
  }

  public CollectionFacts facts(MemberSnapshot member) {
    return CollectionFacts.of(member, context().now(), context().club().zone());
  }

  /** Every refused call of this run, in order. */
  public List<GuardBlock> guardBlocks() {
    return List.copyOf(blocks);
  }

  /** The members held for review in this run, in order. */
  public List<Hold> holds() {
    return List.copyOf(holds.values());
  }

  /** Executes every planned action neither executed nor held: what the rules complete. */
  public List<Entry> executeRemaining() {
    return ledger.executeRemaining();
  }

  /**
   * Executes the member's planned action that {@code wanted} describes, once; refuses it when the
   * plan does not have it ({@code whyNot} says why), or it was executed or held already.
   */
  ToolResult perform(
      String tool, MemberId member, Predicate<Effect> wanted, Supplier<String> whyNot) {
    Match match = ledger.match(member, wanted);
    if (!match.isPlanned()) {
      return refuse(tool, member, "not permitted by the policy: " + whyNot.get());
    }
    Entry entry = match.entry();
    if (match.status() == Status.EXECUTED) {
      return refuse(
          tool,
          member,
          "already done in this run: "
              + describe(entry.action())
              + " ("
              + entry.outcome().code()
              + ")");
    }
    if (match.status() == Status.HELD) {
      return refuse(tool, member, "held for manager review in this run: " + entry.heldReason());
    }
    Outcome outcome = ledger.execute(entry);
    ObjectNode content = executed(entry.action(), outcome);
    return outcome.kind() == Outcome.Kind.FAILED
        ? new ToolResult(content.put("error", outcome.code()), true)
        : ToolResult.ok(content);
  }

  /** Records a refused call and returns the error result that tells the model why. */
  ToolResult refuse(String tool, MemberId member, String reason) {
    blocks.add(new GuardBlock(tool, member == null ? null : member.value(), reason));
    return ToolResult.error(reason);
  }

  /**
   * Holds every pending planned action of the member and leaves a manager-review note under a key
   * of its own, so the note never takes the key of a planned note that a later run still needs.
   */
  ToolResult hold(String tool, MemberId member, String reason) {
    if (holds.containsKey(member.value())) {
      return ToolResult.error(member + " is already held in this run");
    }
    if (holds.size() >= MAX_HOLDS_PER_RUN) {
      return refuse(
          tool,
          member,
          "hold limit reached: at most "
              + MAX_HOLDS_PER_RUN
              + " members may be held per run; the rest of the plan runs as planned");
    }
    List<Entry> planned = ledger.plannedFor(member);
    List<Entry> pending = planned.stream().filter(e -> e.status() == Status.PENDING).toList();
    if (pending.isEmpty()) {
      return refuse(
          tool,
          member,
          planned.isEmpty()
              ? "nothing is planned for " + member + " in this run"
              : "every planned action of " + member + " was already executed");
    }
    int held = ledger.hold(member, reason);
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("held_actions", pending.stream().map(e -> describe(e.action())).collect(joining()));
    Action note =
        new Action(
            member,
            new Effect.AddNote(
                NotePriority.NORMAL, NoteCategory.BILLING, HOLD_NOTE_PREFIX + reason),
            "agent.hold",
            inputs);
    RunContext context = context();
    String key = EffectKeys.holdNote(context, member);
    Outcome outcome =
        ledger.dryRun()
            ? Outcome.planned()
            : executor.execute(note, members.get(member).member(), context, key);
    Hold hold = new Hold(member.value(), reason, held, outcome);
    holds.put(member.value(), hold);
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.put("member_id", member.value());
    content.put("held_actions", held);
    content.put("note", outcome.code());
    return ToolResult.ok(content);
  }

  /**
   * Limits the calls this session answers to the tools offered to the model; a call of any other
   * tool is refused like an out-of-plan one. Without it, every tool of the workflow answers.
   */
  public void offerOnly(List<String> toolNames) {
    offered = java.util.Set.copyOf(toolNames);
  }

  boolean offers(String toolName) {
    return offered == null || offered.contains(toolName);
  }

  /** Computes a value once per session, e.g. the plan's exceptions that review_plan pages. */
  @SuppressWarnings("unchecked")
  <T> T remember(String key, Supplier<T> compute) {
    return (T) remembered.computeIfAbsent(key, k -> compute.get());
  }

  static String describe(Action action) {
    return action.name() + " " + action.detail();
  }

  static ObjectNode executed(Action action, Outcome outcome) {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.put("member_id", action.member() == null ? null : action.member().value());
    content.put("action", action.name());
    content.put("detail", action.detail());
    content.put("rule", action.rule());
    content.put("outcome", outcome.code());
    content.put("message", outcome.message());
    if (action.effect() instanceof Effect.AddNote note) {
      content.put("text", note.text());
    } else if (action.effect() instanceof Effect.NotifyManager notify) {
      content.put("text", notify.text());
    }
    return content;
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }
}
