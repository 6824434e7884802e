package com.gymops.application.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.care.Actor;
import com.gymops.application.care.ApprovalRequests;
import com.gymops.application.care.DailySummaries;
import com.gymops.application.care.NotFoundException;
import com.gymops.application.care.NotPermittedException;
import com.gymops.application.console.ApprovalRow;
import com.gymops.application.console.ApprovalsQuery;
import com.gymops.application.console.ClubToday;
import com.gymops.application.console.ManagerWords;
import com.gymops.application.console.MemberTimeline;
import com.gymops.application.console.MembersQuery;
import com.gymops.application.console.RunRow;
import com.gymops.application.console.RunThread;
import com.gymops.application.console.RunsQuery;
import com.gymops.application.console.TodayQuery;
import com.gymops.application.console.WorkflowCard;
import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.ConsoleRole;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import com.gymops.domain.Plural;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageSegment;
import com.gymops.policy.OneOffMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools of the MCP server and of the console's Ask box: reads through the console's queries and
 * the care services, and writes that only file approvals ({@link ApprovalRequests}). Every tool
 * sees only the actor's club: another club's member, run or approval answers as unknown.
 */
public final class AskTools {
  /** The most rows a list answers with. */
  public static final int MAX_ROWS = 200;

  private final GymOpsConfig config;
  private final MemberStore members;
  private final AttemptStore attempts;
  private final Outbox outbox;
  private final MembersQuery membersQuery;
  private final RunsQuery runs;
  private final ApprovalsQuery approvals;
  private final TodayQuery today;
  private final DailySummaries summaries;
  private final ApprovalRequests requests;
  private final Clock clock;
  private final List<AskTool> tools;

  public AskTools(
      GymOpsConfig config,
      MemberStore members,
      AttemptStore attempts,
      Outbox outbox,
      MembersQuery membersQuery,
      RunsQuery runs,
      ApprovalsQuery approvals,
      TodayQuery today,
      DailySummaries summaries,
      ApprovalRequests requests,
      Clock clock) {
    this.config = config;
    this.members = members;
    this.attempts = attempts;
    this.outbox = outbox;
    this.membersQuery = membersQuery;
    this.runs = runs;
    this.approvals = approvals;
    this.today = today;
    this.summaries = summaries;
    this.requests = requests;
    this.clock = clock;
    this.tools = catalog();
  }

  public List<AskTool> all() {
    return tools;
  }

  /** The tools that only read: the Ask box offers these and the request tools alike. */
  public Optional<AskTool> find(String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Calls a tool; a refusal (unknown member, another club, a bad argument) is an error answer. */
  public AskAnswer call(Actor actor, String name, JsonNode arguments) {
    Optional<AskTool> tool = find(name);
    if (tool.isEmpty()) {
      return AskAnswer.refused("no tool '" + name + "'");
    }
    try {
      return tool.get().handler().apply(actor, arguments);
    } catch (NotFoundException | NotPermittedException | IllegalArgumentException e) {
      return AskAnswer.refused(e.getMessage());
    } catch (IllegalStateException e) {
      return AskAnswer.refused(e.getMessage());
    } catch (RuntimeException e) {
      // A bug or a store failure: the client gets a plain refusal, the log the cause.
      LOG.warn("tool {} failed for {}", name, actor.name(), e);
      return AskAnswer.refused("GymOps could not answer this call; the server's log says why");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(AskTools.class);

  private static final String CLUB =
      "The club's id; leave it out when the token is for one club (or there is only one).";

  private List<AskTool> catalog() {
    List<String> statuses =
        Arrays.stream(MemberStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    List<String> workflows = Arrays.stream(WorkflowId.values()).map(WorkflowId::id).toList();
    return List.of(
        read(
            "list_past_due_members",
            "Lists the club's members who owe money, largest balance first: member id, name,"
                + " balance, past due since, membership status, door, and the texts (reminders and"
                + " campaign texts) they got in the last not_texted_days days (30 when left out)."
                + " Filters: min_balance in dollars (owes at least that much), not_texted_days"
                + " (only members with no text in that many days), status. Read-only.",
            AskSchema.object()
                .string("club_id", CLUB, false)
                .number("min_balance", "Owes at least this many dollars; default 0.01.", 0)
                .integer(
                    "not_texted_days",
                    "Only members not texted in this many days (1 to 400).",
                    1,
                    400)
                .choice("status", "Only members of this membership status.", statuses, false)
                .integer("limit", "At most this many rows (1 to 200; default 200).", 1, MAX_ROWS),
            this::pastDue),
        read(
            "get_member",
            "One member's profile (balance, door, phone, opt-out, hold) and timeline: payments,"
                + " reminders, texts, notes, door changes, referrals and staff actions, newest"
                + " first. Read-only.",
            AskSchema.object().string("member_id", "The member's id.", true),
            this::member),
        read(
            "get_collection_attempts",
            "A member's collection attempts (reminders and invoices): when, kind, channel,"
                + " outcome. Read-only.",
            AskSchema.object().string("member_id", "The member's id.", true),
            this::attempts),
        read(
            "get_door_state",
            "Door access: one member's when member_id is given, else every locked member of the"
                + " club with the lock's reason (payment or other). Read-only.",
            AskSchema.object()
                .string(
                    "member_id", "The member's id; leave it out for every locked member.", false)
                .string("club_id", CLUB, false),
            this::door),
        read(
            "list_runs",
            "The club's latest workflow runs, newest first: run id, workflow, status, mode, when,"
                + " and the summary. Read-only.",
            AskSchema.object()
                .string("club_id", CLUB, false)
                .choice("workflow", "Only runs of this workflow.", workflows, false)
                .choice(
                    "status",
                    "Only runs with this status.",
                    Arrays.stream(RunStatus.values())
                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                        .toList(),
                    false)
                .string("member_id", "Only runs that acted on this member.", false)
                .integer("limit", "At most this many runs (1 to 200; default 20).", 1, MAX_ROWS),
            this::runList),
        read(
            "get_run",
            "One run: its summary and its actions fifty a page, each in words with its rule and"
                + " true state (queued, sent, deferred, suppressed, failed), and the texts to the"
                + " manager. Read-only.",
            AskSchema.object()
                .string("run_id", "The run's id, as list_runs shows it.", true)
                .integer("page", "The page of actions, from 1 (default 1).", 1, 100_000),
            this::run),
        read(
            "list_approvals",
            "The approvals inbox: what waits for a person's decision (pending first) and the"
                + " latest decided, with what each covers. Read-only.",
            AskSchema.object()
                .string("club_id", CLUB, false)
                .bool("pending_only", "Only the pending ones; default true."),
            this::approvalList),
        read(
            "get_schedule",
            "Each workflow's schedule for the club: enabled, paused, the schedule, the next run"
                + " and the last one. Read-only.",
            AskSchema.object().string("club_id", CLUB, false),
            this::schedule),
        read(
            "get_today_summary",
            "Today at the club: the daily summary the manager gets, money collected since"
                + " midnight, failed sends of the last 24 hours, pending approvals. Read-only.",
            AskSchema.object().string("club_id", CLUB, false),
            this::todaySummary),
        request(
            "request_lock",
            "Asks for a member's door to be locked (a staff lock). It only files an approval in"
                + " the approvals inbox: nothing is locked until a person approves it.",
            AskSchema.object()
                .string("member_id", "The member's id.", true)
                .string("reason", "Why, in a sentence the manager will read.", true),
            (actor, in) ->
                filed(requests.lock(actor, memberId(in), text(in, "reason")), "lock the door")),
        request(
            "request_unlock",
            "Asks for a member's door to be unlocked. It only files an approval: nothing changes"
                + " until a person approves it.",
            AskSchema.object()
                .string("member_id", "The member's id.", true)
                .string("reason", "Why, in a sentence the manager will read.", true),
            (actor, in) ->
                filed(requests.unlock(actor, memberId(in), text(in, "reason")), "unlock the door")),
        request(
            "request_collection_hold",
            "Asks for a member's collections (reminders, locks, referral) to be held until a"
                + " date, e.g. for a payment plan. It only files an approval: nothing is held"
                + " until a person approves it.",
            AskSchema.object()
                .string("member_id", "The member's id.", true)
                .date("until", "The last day of the hold, YYYY-MM-DD.", true)
                .string("reason", "Why, in a sentence the manager will read.", true),
            (actor, in) ->
                filed(
                    requests.hold(actor, memberId(in), date(in, "until"), text(in, "reason")),
                    "hold collections")),
        request(
            "request_note",
            "Asks for a staff note on a member's account. It only files an approval: the note is"
                + " added when a person approves it.",
            AskSchema.object()
                .string("member_id", "The member's id.", true)
                .string("text", "The note.", true),
            (actor, in) ->
                filed(requests.note(actor, memberId(in), text(in, "text")), "add a note")),
        request(
            "request_workflow_run",
            "Asks for a workflow to run now for the whole club, as its schedule would start it"
                + " (with the same rules, texting hours, caps and approvals). It only files an"
                + " approval: the run starts when a person approves it.",
            AskSchema.object()
                .choice("workflow", "The workflow.", workflows, true)
                .string("club_id", CLUB, false)
                .string("reason", "Why now, in a sentence the manager will read.", true),
            (actor, in) ->
                filed(
                    requests.runNow(
                        actor,
                        club(actor, in).club().id(),
                        WorkflowId.fromId(text(in, "workflow")),
                        text(in, "reason")),
                    "run the workflow")),
        request(
            "request_message",
            "Asks for a one-off text to a segment of the club, e.g. an open-house invitation to"
                + " prospects. It goes under the same rules as the daily campaigns: only members"
                + " who consented to texts, never to one who replied STOP or owes money, at most"
                + " one marketing text per person a day, within texting hours. It only files an"
                + " approval listing each text; nothing is sent until a person approves it.",
            AskSchema.object()
                .choice(
                    "segment",
                    "Who gets it: prospects, new_members (joined within the green days),"
                        + " ppv (pay-per-visit), members (every active member), or everyone"
                        + " (all three).",
                    Arrays.stream(MessageSegment.values()).map(MessageSegment::code).toList(),
                    true)
                .string(
                    "text",
                    "The message, at most "
                        + OneOffMessage.LONGEST
                        + " characters; it may say {first_name}. The club's name goes before it"
                        + " and the opt-out words after it.",
                    true)
                .string("club_id", CLUB, false),
            (actor, in) ->
                filed(
                    requests.message(
                        actor,
                        club(actor, in).club().id(),
                        MessageSegment.fromCode(text(in, "segment")),
                        text(in, "text")),
                    "send the text")));
  }

  private static AskTool read(
      String name,
      String description,
      AskSchema schema,
      BiFunction<Actor, JsonNode, AskAnswer> handler) {
    return new AskTool(name, description, schema.build(), false, handler);
  }

  private static AskTool request(
      String name,
      String description,
      AskSchema schema,
      BiFunction<Actor, JsonNode, AskAnswer> handler) {
    return new AskTool(name, description, schema.build(), true, handler);
  }

  // ---- read tools

  private AskAnswer pastDue(Actor actor, JsonNode in) {
    ClubSettings club = club(actor, in);
    ClubId id = club.club().id();
    Money minimum = money(in, "min_balance").orElse(Money.ofCents(1));
    Money floor = minimum.isPositive() ? minimum : Money.ofCents(1);
    Optional<Integer> quiet = integer(in, "not_texted_days");
    int days = quiet.orElse(30);
    Optional<MemberStatus> status =
        optionalText(in, "status").map(s -> choice(MemberStatus.class, "status", s));
    int limit = Math.min(MAX_ROWS, integer(in, "limit").orElse(MAX_ROWS));
    Instant since = clock.instant().minus(Duration.ofDays(days));
    // Texts of the period: the reminders (attempts by SMS) and the campaign texts.
    Map<MemberId, List<CollectionAttempt>> reminders =
        attempts.ofPastDueInClubSince(id, floor, since);
    Map<MemberId, Map<String, Instant>> campaigns = outbox.marketingHistory(id);
    List<Member> owing =
        members.pastDue(id, floor).stream()
            .filter(m -> status.isEmpty() || m.status() == status.get())
            .sorted(
                Comparator.comparing(Member::pastDue).reversed().thenComparing(m -> m.id().value()))
            .toList();
    List<List<String>> rows = new ArrayList<>();
    Money total = Money.ZERO;
    int matched = 0;
    for (Member member : owing) {
      long texts =
          reminders.getOrDefault(member.id(), List.of()).stream()
                  .filter(a -> a.channel() == Channel.SMS)
                  .filter(a -> a.outcome() != AttemptOutcome.SUPPRESSED)
                  .count()
              + campaigns.getOrDefault(member.id(), Map.of()).values().stream()
                  .filter(at -> !at.isBefore(since))
                  .count();
      if (quiet.isPresent() && texts > 0) {
        continue;
      }
      matched++;
      total = total.plus(member.pastDue());
      if (rows.size() < limit) {
        rows.add(
            cells(
                member.id().value(),
                member.firstName() + " " + member.lastName(),
                ManagerWords.dollars(member.pastDue()),
                member.pastDueSince() == null ? "" : member.pastDueSince().toString(),
                lower(member.status().name()),
                member.door().code(),
                String.valueOf(texts)));
      }
    }
    String filters =
        "owing at least "
            + floor.dollars()
            + quiet.map(d -> ", not texted in " + d + " days").orElse("")
            + status.map(s -> ", status " + lower(s.name())).orElse("");
    String text =
        Plural.of(matched, "member", "members")
            + " of "
            + club.club().name()
            + " "
            + filters
            + ", "
            + total.dollars()
            + " in all"
            + (matched > rows.size() ? "; the first " + rows.size() + " shown" : "")
            + ".";
    return AskAnswer.of(
        text,
        new AskTable(
            "Past-due members",
            List.of(
                "member_id",
                "name",
                "balance",
                "past_due_since",
                "status",
                "door",
                "texts_last_" + days + "_days"),
            rows));
  }

  private AskAnswer member(Actor actor, JsonNode in) {
    MemberId id = memberId(in);
    MemberTimeline timeline =
        membersQuery
            .timeline(viewer(actor), id)
            .orElseThrow(() -> new NotFoundException("no member '" + id + "'"));
    String text =
        nullToBlank(timeline.name())
            + " ("
            + nullToBlank(timeline.memberId())
            + "), "
            + nullToBlank(timeline.status())
            + ": owes "
            + nullToBlank(timeline.balance())
            + (nullToBlank(timeline.pastDueSince()).isBlank()
                ? ""
                : " since " + nullToBlank(timeline.pastDueSince()))
            + "; door "
            + nullToBlank(timeline.door())
            + (timeline.smsOptedOut() ? "; opted out of texts" : "")
            + (nullToBlank(timeline.hold()).isBlank() ? "" : "; " + nullToBlank(timeline.hold()))
            + ".";
    List<List<String>> rows = new ArrayList<>();
    for (MemberTimeline.Entry entry : timeline.entries()) {
      if (rows.size() == MAX_ROWS) {
        break;
      }
      rows.add(
          List.of(
              nullToBlank(entry.at()),
              nullToBlank(entry.kind()),
              nullToBlank(entry.text()),
              nullToBlank(entry.status())));
    }
    return AskAnswer.of(
        text,
        new AskTable(
            "Profile",
            List.of("field", "value"),
            List.of(
                List.of("member_id", nullToBlank(timeline.memberId())),
                List.of("club", nullToBlank(timeline.club())),
                List.of("name", nullToBlank(timeline.name())),
                List.of("phone", nullToBlank(timeline.phone())),
                List.of("email", nullToBlank(timeline.email())),
                List.of("status", nullToBlank(timeline.status())),
                List.of("balance", nullToBlank(timeline.balance())),
                List.of("past_due_since", nullToBlank(timeline.pastDueSince())),
                List.of("door", nullToBlank(timeline.door())),
                List.of("opted_out_of_texts", String.valueOf(timeline.smsOptedOut())),
                List.of("hold", nullToBlank(timeline.hold())))),
        new AskTable("Timeline", List.of("at", "kind", "what", "status"), rows));
  }

  private AskAnswer attempts(Actor actor, JsonNode in) {
    Member member = reachable(actor, memberId(in));
    List<CollectionAttempt> all = attempts.ofMember(member.id());
    List<List<String>> rows =
        all.stream()
            .sorted(Comparator.comparing(CollectionAttempt::attemptedAt).reversed())
            .limit(MAX_ROWS)
            .map(
                a ->
                    cells(
                        a.attemptedAt().toString(),
                        lower(a.kind().name()),
                        a.channel().code(),
                        a.outcome().code()))
            .toList();
    return AskAnswer.of(
        name(member)
            + ": "
            + Plural.of(all.size(), "collection attempt", "collection attempts")
            + ".",
        new AskTable("Collection attempts", List.of("at", "kind", "channel", "outcome"), rows));
  }

  private AskAnswer door(Actor actor, JsonNode in) {
    Optional<String> one = optionalText(in, "member_id");
    if (one.isPresent()) {
      Member member = reachable(actor, new MemberId(one.get()));
      return AskAnswer.of(
          name(member) + ": door " + member.door().code() + ".",
          new AskTable(
              "Door", List.of("member_id", "name", "door", "balance"), List.of(row(member))));
    }
    ClubSettings club = club(actor, in);
    List<Member> locked =
        members.pastDueOrLocked(club.club().id()).stream()
            .filter(m -> m.door().isLocked())
            .sorted(Comparator.comparing(m -> m.id().value()))
            .toList();
    return AskAnswer.of(
        Plural.of(locked.size(), "member", "members")
            + " of "
            + club.club().name()
            + " locked out.",
        new AskTable(
            "Locked members",
            List.of("member_id", "name", "door", "balance"),
            locked.stream().limit(MAX_ROWS).map(AskTools::row).toList()));
  }

  private AskAnswer runList(Actor actor, JsonNode in) {
    ClubSettings club = club(actor, in);
    WorkflowId workflow = optionalText(in, "workflow").map(WorkflowId::fromId).orElse(null);
    RunStatus status =
        optionalText(in, "status").map(s -> choice(RunStatus.class, "status", s)).orElse(null);
    MemberId member = optionalText(in, "member_id").map(MemberId::new).orElse(null);
    int limit = Math.min(MAX_ROWS, integer(in, "limit").orElse(20));
    List<RunRow> rows =
        runs.runs(viewerOf(actor, club.club().id()), workflow, status, member, limit);
    return AskAnswer.of(
        Plural.of(rows.size(), "run", "runs") + " of " + club.club().name() + ", newest first.",
        new AskTable(
            "Runs",
            List.of("run_id", "workflow", "status", "mode", "dry_run", "at", "summary"),
            rows.stream()
                .map(
                    r ->
                        cells(
                            r.runId(),
                            r.workflow(),
                            r.status(),
                            r.mode(),
                            String.valueOf(r.dryRun()),
                            r.at(),
                            r.summary()))
                .toList()));
  }

  private AskAnswer run(Actor actor, JsonNode in) {
    String id = text(in, "run_id");
    int page = in.has("page") ? Math.max(1, in.get("page").asInt(1)) : 1;
    RunThread thread =
        runs.thread(viewer(actor), id, page)
            .orElseThrow(() -> new NotFoundException("no run '" + id + "'"));
    RunRow run = thread.run();
    return AskAnswer.of(
        "Run "
            + run.runId()
            + " of "
            + thread.title()
            + " at "
            + run.at()
            + ": "
            + run.status()
            + (run.dryRun() ? " (dry run)" : "")
            + ". "
            + run.summary()
            + (thread.error() == null || thread.error().isBlank()
                ? ""
                : " Error: " + thread.error())
            + " Actions "
            + thread.first()
            + " to "
            + thread.last()
            + " of "
            + thread.actionCount()
            + " (page "
            + thread.page()
            + " of "
            + thread.pages()
            + ").",
        new AskTable(
            "Actions",
            List.of("seq", "member_id", "action", "state", "rule"),
            thread.actions().stream()
                .map(
                    a ->
                        cells(
                            String.valueOf(a.seq()),
                            nullToBlank(a.memberId()),
                            a.before() + a.who() + a.after(),
                            a.stateText(),
                            a.rule()))
                .toList()),
        new AskTable(
            "Texts to the manager",
            List.of("channel", "state", "text"),
            thread.managerMessages().stream()
                .map(m -> cells(m.channel(), m.stateText(), nullToBlank(m.body())))
                .toList()));
  }

  private AskAnswer approvalList(Actor actor, JsonNode in) {
    ClubSettings club = club(actor, in);
    boolean pendingOnly = !in.has("pending_only") || in.get("pending_only").asBoolean(true);
    List<ApprovalRow> rows =
        approvals.inbox(viewerOf(actor, club.club().id())).stream()
            .filter(r -> !pendingOnly || r.pending())
            .limit(MAX_ROWS)
            .toList();
    long pending = rows.stream().filter(ApprovalRow::pending).count();
    return AskAnswer.of(
        Plural.of((int) pending, "approval waits", "approvals wait")
            + " at "
            + club.club().name()
            + (pendingOnly ? "." : "; the latest decided ones follow."),
        new AskTable(
            "Approvals",
            List.of("id", "kind", "workflow", "summary", "requested_by", "status", "expires_at"),
            rows.stream()
                .map(
                    r ->
                        cells(
                            r.id(),
                            r.kind(),
                            r.workflow(),
                            r.headline(),
                            r.requestedBy(),
                            r.status(),
                            r.expiresAt()))
                .toList()));
  }

  private AskAnswer schedule(Actor actor, JsonNode in) {
    ClubToday club = todayOf(actor, in);
    return AskAnswer.of(
        "Schedule of " + club.name() + " (times in " + club.zone() + ").",
        new AskTable(
            "Schedule",
            List.of(
                "workflow", "enabled", "paused", "schedule", "next_run", "last_run", "last_status"),
            club.workflows().stream()
                .map(
                    (WorkflowCard w) ->
                        cells(
                            w.workflow().id(),
                            String.valueOf(w.enabled()),
                            String.valueOf(w.paused()),
                            nullToBlank(w.schedule()),
                            nullToBlank(w.nextAt()),
                            nullToBlank(w.lastAt()),
                            nullToBlank(w.lastStatus())))
                .toList()));
  }

  private AskAnswer todaySummary(Actor actor, JsonNode in) {
    ClubSettings settings = club(actor, in);
    ClubToday club = todayOf(actor, in);
    LocalDate day = summaries.today(settings);
    String summary = summaries.preview(settings, day).text();
    return AskAnswer.of(
        summary,
        new AskTable(
            "Today at " + club.name(),
            List.of("figure", "value"),
            List.of(
                List.of("collected since midnight", club.collectedToday()),
                List.of("failed sends, last 24 hours", String.valueOf(club.failedSends24h())),
                List.of("pending approvals", String.valueOf(club.pending().size())))),
        new AskTable(
            "Workflows",
            List.of("workflow", "last_run", "last_status", "last_summary", "next_run"),
            club.workflows().stream()
                .map(
                    w ->
                        cells(
                            w.workflow().id(),
                            nullToBlank(w.lastAt()),
                            nullToBlank(w.lastStatus()),
                            String.join(" ", w.lines()),
                            nullToBlank(w.nextAt())))
                .toList()));
  }

  private ClubToday todayOf(Actor actor, JsonNode in) {
    ClubSettings club = club(actor, in);
    return today.today(viewerOf(actor, club.club().id())).stream()
        .filter(c -> c.club().equals(club.club().id()))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("no club '" + club.club().id() + "'"));
  }

  // ---- the request tools' answer

  private static AskAnswer filed(ApprovalRequests.Filed filed, String what) {
    Approval approval = filed.approval();
    String text =
        (filed.isNew() ? "Filed approval " : "The same request waits already as approval ")
            + approval.id()
            + " to "
            + what
            + ": nothing happens until a person approves it in the approvals inbox (expires "
            + approval.expiresAt()
            + ").";
    return AskAnswer.of(
        text,
        new AskTable(
            "Approval filed",
            List.of("id", "summary", "requested_by", "status", "expires_at"),
            List.of(
                cells(
                    approval.id(),
                    approval.summary(),
                    approval.requestedBy(),
                    approval.status().code(),
                    approval.expiresAt().toString()))));
  }

  // ---- scope

  /** The club the call is about: {@code club_id}, else the token's, else the only one. */
  ClubSettings club(Actor actor, JsonNode in) {
    Optional<String> named = optionalText(in, "club_id");
    if (named.isPresent()) {
      ClubSettings club =
          config
              .club(new ClubId(named.get()))
              .filter(c -> actor.club() == null || actor.club().equals(c.club().id()))
              .orElseThrow(() -> new NotFoundException("no club '" + named.get() + "'"));
      return club;
    }
    if (actor.club() != null) {
      return config
          .club(actor.club())
          .orElseThrow(
              () -> new NotFoundException("no club '" + actor.club() + "' in the configuration"));
    }
    if (config.clubs().size() == 1) {
      return config.clubs().get(0);
    }
    throw new IllegalArgumentException(
        "name a club_id: one of "
            + config.clubs().stream()
                .map(c -> c.club().id().value())
                .collect(Collectors.joining(", ")));
  }

  private Member reachable(Actor actor, MemberId id) {
    return members
        .find(id)
        .filter(m -> actor.club() == null || actor.club().equals(m.clubId()))
        .orElseThrow(() -> new NotFoundException("no member '" + id + "'"));
  }

  /** The actor as a read-only console user of the clubs it reaches, for the console's queries. */
  private ConsoleUser viewer(Actor actor) {
    boolean all = actor.club() == null;
    return new ConsoleUser(
        actor.name(),
        ConsoleRole.STAFF,
        all,
        all ? Set.of() : Set.of(actor.club()),
        "",
        false,
        clock.instant());
  }

  private ConsoleUser viewerOf(Actor actor, ClubId club) {
    return new ConsoleUser(
        actor.name(), ConsoleRole.STAFF, false, Set.of(club), "", false, clock.instant());
  }

  // ---- arguments, each checked with the argument's name in the message

  static MemberId memberId(JsonNode in) {
    return new MemberId(text(in, "member_id"));
  }

  static String text(JsonNode in, String name) {
    return optionalText(in, name)
        .orElseThrow(() -> new IllegalArgumentException(name + " is required"));
  }

  static Optional<String> optionalText(JsonNode in, String name) {
    JsonNode value = in == null ? null : in.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    String text = value.asText().strip();
    if (text.length() > ApprovalRequests.LONGEST_TEXT) {
      throw new IllegalArgumentException(
          name + " is longer than " + ApprovalRequests.LONGEST_TEXT + " characters");
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  static Optional<Integer> integer(JsonNode in, String name) {
    JsonNode value = in == null ? null : in.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
    int number = value.asInt();
    if (number < 1 || number > 400) {
      throw new IllegalArgumentException(name + " must be between 1 and 400");
    }
    return Optional.of(number);
  }

  static Optional<Money> money(JsonNode in, String name) {
    JsonNode value = in == null ? null : in.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber() || value.decimalValue().signum() < 0) {
      throw new IllegalArgumentException(name + " must be a number of dollars, 0 or more");
    }
    BigDecimal cents = value.decimalValue().movePointRight(2).setScale(0, RoundingMode.CEILING);
    if (cents.compareTo(BigDecimal.valueOf(100_000_000_00L)) > 0) {
      throw new IllegalArgumentException(name + " is too large");
    }
    return Optional.of(Money.ofCents(cents.longValueExact()));
  }

  static LocalDate date(JsonNode in, String name) {
    String text = text(in, name);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a date as YYYY-MM-DD, not '" + text + "'");
    }
  }

  static <E extends Enum<E>> E choice(Class<E> type, String name, String text) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        name
            + " must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", not '"
            + text
            + "'");
  }

  private static List<String> row(Member m) {
    return cells(
        m.id().value(),
        m.firstName() + " " + m.lastName(),
        m.door().code(),
        ManagerWords.dollars(m.pastDue()));
  }

  private static String name(Member m) {
    return m.firstName() + " " + m.lastName() + " (" + m.id() + ")";
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** A table row; a missing value is an empty cell. */
  private static List<String> cells(String... values) {
    return Arrays.stream(values).map(AskTools::nullToBlank).toList();
  }

  private static String nullToBlank(String text) {
    return text == null ? "" : text;
  }
}
