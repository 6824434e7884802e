package com.gymops.application.care;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.application.port.store.ApprovalStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ApprovalAction;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests filed as approvals, never executed here: what an MCP client or the console's Ask box
 * asks for (lock, unlock, hold collections, note, run a workflow now) waits in the approvals inbox
 * until a person approves it, and {@link Approvals} then carries it out through the same services a
 * manager's own action uses ({@link ManualActions}, {@link CollectionHolds}, the one runner). Each
 * request is limited to the actor's club and audited under the actor's name.
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
  private final Audit audit;
  private final Clock clock;

  public ApprovalRequests(
      GymOpsConfig config, MemberStore members, ApprovalStore approvals, Audit audit, Clock clock) {
    this.config = config;
    this.members = members;
    this.approvals = approvals;
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
