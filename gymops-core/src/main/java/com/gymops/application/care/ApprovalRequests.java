package com.gymops.application.care;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.port.store.ApprovalStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunReportJson;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.RunScope;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.MessageSegment;
import com.gymops.policy.OneOffMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Requests filed as approvals, never executed here: what an MCP client or the console's Ask box
 * asks for (lock, unlock, hold collections, note, run a workflow now) waits in the approvals inbox
 * until a person approves it, and {@link Approvals} then carries it out through the same services a
 * manager's own action uses ({@link ManualActions}, {@link CollectionHolds}, the one runner). Each
 * request is limited to the actor's club and audited under the actor's name. A one-off message to a
 * segment is planned by the runner first, so its approval lists the very texts that would go.
 */
public final class ApprovalRequests {
  /** The longest a reason or a note may be, as the approval's columns hold it. */
  public static final int LONGEST_TEXT = 500;

  static final String LOCK = "request_lock";
  static final String UNLOCK = "request_unlock";
  static final String HOLD = "request_hold";
  static final String NOTE = "request_note";
  static final String RUN = "request_run";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final GymOpsConfig config;
  private final MemberStore members;
  private final ApprovalStore approvals;
  private final WorkflowRunner runner;
  private final Audit audit;
  private final Clock clock;

  /**
   * @param runner plans a one-off message and files its texts (see {@link #message})
   */
  public ApprovalRequests(
      GymOpsConfig config,
      MemberStore members,
      ApprovalStore approvals,
      WorkflowRunner runner,
      Audit audit,
      Clock clock) {
    this.config = config;
    this.members = members;
    this.approvals = approvals;
    this.runner = runner;
    this.audit = audit;
    this.clock = clock;
  }

  /** A filed request: the approval, and whether it was new (false: the same one waits already). */
  public record Filed(Approval approval, boolean isNew) {}

  /**
   * @throws NotFoundException for a member the actor's club does not have
   * @throws IllegalStateException when the door is locked already
   */
  public Filed lock(Actor actor, MemberId id, String reason) {
    Member member = member(actor, id);
    String why = text(reason, "reason");
    if (member.door().isLocked()) {
      throw new IllegalStateException(
          name(member) + " is locked already (" + member.door().code() + ")");
    }
    return file(
        actor,
        member.clubId(),
        WorkflowId.DOOR_ACCESS,
        "Lock " + name(member) + "'s door: " + why,
        member.id(),
        LOCK,
        "lock the door: " + why,
        body(LOCK).put("reason", why));
  }

  /**
   * @throws NotFoundException for a member the actor's club does not have
   * @throws IllegalStateException when the door is not locked
   */
  public Filed unlock(Actor actor, MemberId id, String reason) {
    Member member = member(actor, id);
    String why = text(reason, "reason");
    if (!member.door().isLocked()) {
      throw new IllegalStateException(name(member) + "'s door is not locked");
    }
    return file(
        actor,
        member.clubId(),
        WorkflowId.DOOR_ACCESS,
        "Unlock " + name(member) + "'s door: " + why,
        member.id(),
        UNLOCK,
        "unlock the door: " + why,
        body(UNLOCK).put("reason", why));
  }

  /**
   * @throws IllegalArgumentException for a date not after today or beyond {@link
   *     CollectionHolds#LONGEST}
   */
  public Filed hold(Actor actor, MemberId id, LocalDate until, String reason) {
    Member member = member(actor, id);
    String why = text(reason, "reason");
    ClubSettings club = club(member.clubId());
    LocalDate today = clock.instant().atZone(club.club().zone()).toLocalDate();
    if (until == null || !until.isAfter(today)) {
      throw new IllegalArgumentException("the hold's end date must be after today (" + today + ")");
    }
    if (until.isAfter(today.plus(CollectionHolds.LONGEST))) {
      throw new IllegalArgumentException(
          "a hold lasts at most " + CollectionHolds.LONGEST.getYears() + " years");
    }
    return file(
        actor,
        member.clubId(),
        WorkflowId.PAST_DUE_MONITORING,
        "Hold collections for " + name(member) + " until " + until + ": " + why,
        member.id(),
        HOLD,
        "hold collections until " + until + ": " + why,
        body(HOLD).put("until", until.toString()).put("reason", why));
  }

  public Filed note(Actor actor, MemberId id, String note) {
    Member member = member(actor, id);
    String text = text(note, "note");
    return file(
        actor,
        member.clubId(),
        WorkflowId.PAST_DUE_MONITORING,
        "Add a note to " + name(member) + ": " + text,
        member.id(),
        NOTE,
        "note: " + text,
        body(NOTE).put("text", text));
  }

  /** A run of the whole club's workflow now, as the schedule would start it. */
  public Filed runNow(Actor actor, ClubId named, WorkflowId workflow, String reason) {
    ClubSettings club = club(named);
    actor.mustReach(club.club().id());
    String why = text(reason, "reason");
    return file(
        actor,
        club.club().id(),
        workflow,
        "Run " + workflow.id() + " now for " + club.club().name() + ": " + why,
        null,
        RUN,
        "run " + workflow.id() + " now: " + why,
        body(RUN).put("workflow", workflow.id()).put("reason", why));
  }

  /**
   * A one-off message to a segment, planned now under the campaigns' guard (consent, STOP, no
   * balance, one marketing text a day, each message once) by the one runner, which files its texts,
   * one per member, as one approval; the texts go when a person approves it, to those of them the
   * guard still allows then, within texting hours. The same words to the same segment the same day
   * are one message: a client that retries files nothing new.
   *
   * @throws IllegalArgumentException for words {@link OneOffMessage#words} refuses
   * @throws IllegalStateException when nobody in the segment may get the text, naming why
   */
  public Filed message(Actor actor, ClubId named, MessageSegment segment, String text) {
    ClubSettings club = club(named);
    ClubId id = club.club().id();
    actor.mustReach(id);
    String words = OneOffMessage.words(text);
    Instant now = clock.instant();
    ZonedDateTime dayStart =
        now.atZone(club.club().zone()).toLocalDate().atStartOfDay(club.club().zone());
    OneOffMessage message =
        new OneOffMessage(
            messageId(id, dayStart.toLocalDate(), segment, words),
            segment,
            words,
            dayStart.toInstant());
    Optional<Approval> earlier = sameMessage(id, message, dayStart.toInstant());
    if (earlier.isPresent()) {
      if (earlier.get().status() == Approval.Status.PENDING) {
        return new Filed(earlier.get(), false);
      }
      throw new IllegalStateException(
          "the same message was asked for earlier today and was " + earlier.get().status().code());
    }
    RunReport run =
        runner.run(
            new RunRequest(
                WorkflowId.DAILY_CAMPAIGNS,
                id,
                RunMode.RULES,
                false,
                now,
                new RunScope.OneOff(message, clip(actor.name(), 100)),
                null));
    Approval filed =
        approvals.inboxHeaders(id, 0).stream()
            .filter(a -> a.kind() == Approval.Kind.MESSAGE && run.runId().equals(a.runId()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(nobody(segment, run.skipped())));
    audit.record(
        actor, id, "request", "approval:" + filed.id(), null, "pending: " + filed.summary(), null);
    return new Filed(filed, true);
  }

  /** The pending or decided approval of the same message filed today, if any. */
  private Optional<Approval> sameMessage(ClubId club, OneOffMessage message, Instant dayStart) {
    return approvals.filedSince(club, dayStart).stream()
        .filter(a -> a.kind() == Approval.Kind.MESSAGE)
        .filter(
            a ->
                !a.actions().isEmpty()
                    && OneOffMessage.of(RunReportJson.readInputs(a.actions().get(0).inputsJson()))
                        .map(m -> m.id().equals(message.id()))
                        .orElse(false))
        .findFirst();
  }

  private static String messageId(
      ClubId club, LocalDate day, MessageSegment segment, String words) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (club + "|" + day + "|" + segment.code() + "|" + words)
                      .getBytes(StandardCharsets.UTF_8));
      return "msg-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Why a message went to nobody, from what its run skipped: "12 opted out, 30 no consent". */
  private static String nobody(MessageSegment segment, Map<String, Integer> skipped) {
    if (skipped.isEmpty()) {
      return "there are no " + segment.words() + " to text";
    }
    return "none of the "
        + segment.words()
        + " may get this text now: "
        + skipped.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
  }

  private Filed file(
      Actor actor,
      ClubId club,
      WorkflowId workflow,
      String summary,
      MemberId member,
      String action,
      String detail,
      ObjectNode effect) {
    Instant now = clock.instant();
    ApprovalAction covered =
        new ApprovalAction(
            1,
            member,
            action,
            clip(detail, 200),
            "request." + action.substring("request_".length()),
            JSON.createObjectNode().put("requested_by", actor.name()).toString(),
            effect.toString(),
            null,
            null);
    Approval approval =
        new Approval(
            "apr-" + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8),
            club,
            Approval.Kind.REQUEST,
            workflow,
            clip(summary, 1000),
            clip(actor.name(), 100),
            null,
            now,
            now.plus(config.approvals().timeout()),
            Approval.Status.PENDING,
            null,
            null,
            null,
            null,
            null,
            List.of(covered));
    LocalDate day = now.atZone(club(club).club().zone()).toLocalDate();
    // The same request on the same day is one approval: a client that retries files nothing new.
    String key =
        "request:" + club + ":" + day + ":" + action + ":" + member + ":" + covered.detail();
    if (!approvals.file(approval, clip(key, 200))) {
      Optional<Approval> same =
          approvals.list(club, true).stream()
              .filter(a -> a.kind() == Approval.Kind.REQUEST)
              .filter(a -> a.actions().size() == 1 && sameAction(a.actions().get(0), covered))
              .findFirst();
      if (same.isPresent()) {
        return new Filed(same.get(), false);
      }
      throw new IllegalStateException(
          "the same request was filed earlier today and is no longer pending");
    }
    audit.record(
        actor,
        club,
        "request",
        "approval:" + approval.id(),
        null,
        "pending: " + approval.summary(),
        null);
    return new Filed(approval, true);
  }

  private static boolean sameAction(ApprovalAction a, ApprovalAction b) {
    return a.action().equals(b.action())
        && a.detail().equals(b.detail())
        && java.util.Objects.equals(a.memberId(), b.memberId());
  }

  /** The request an approval's action stands for, as {@link #file} wrote it. */
  static JsonNode read(ApprovalAction action) {
    try {
      return JSON.readTree(action.effectJson());
    } catch (IOException e) {
      throw new UncheckedIOException("request " + action.action() + " cannot be read", e);
    }
  }

  private Member member(Actor actor, MemberId id) {
    // Another club's member answers as an unknown one: its id says nothing to this actor.
    return members
        .find(id)
        .filter(m -> actor.club() == null || actor.club().equals(m.clubId()))
        .orElseThrow(() -> new NotFoundException("no member '" + id + "'"));
  }

  private ClubSettings club(ClubId id) {
    return config
        .club(id)
        .orElseThrow(() -> new NotFoundException("no club '" + id + "' in the configuration"));
  }

  private static ObjectNode body(String request) {
    return JSON.createObjectNode().put("request", request);
  }

  private static String text(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the request needs a " + what);
    }
    String stripped = text.strip();
    if (stripped.length() > LONGEST_TEXT) {
      throw new IllegalArgumentException(
          "the " + what + " is " + stripped.length() + " characters; at most " + LONGEST_TEXT);
    }
    return stripped;
  }

  static String name(Member member) {
    return member.firstName() + " " + member.lastName() + " (" + member.id() + ")";
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
