package com.gymops.application.care;

import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.NoteStore;
import com.gymops.application.run.EffectKeys;
import com.gymops.application.run.Outcome;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Note;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.Action;
import com.gymops.policy.Effect;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a manager does to one member by hand: lock, unlock, note, opt out, opt in. Door changes go
 * through the one pipeline (a run of door-access for the member, {@link
 * com.gymops.application.run.RunScope.Manual}, so the door system is asked and the run history
 * shows it); every action is audited with its actor.
 */
public final class ManualActions {
  private final GymOpsConfig config;
  private final MemberStore members;
  private final NoteStore notes;
  private final WorkflowRunner runner;
  private final Audit audit;
  private final Clock clock;

  public ManualActions(
      GymOpsConfig config,
      MemberStore members,
      NoteStore notes,
      WorkflowRunner runner,
      Audit audit,
      Clock clock) {
    this.config = config;
    this.members = members;
    this.notes = notes;
    this.runner = runner;
    this.audit = audit;
    this.clock = clock;
  }

  /** A door change and the run that made it. */
  public record DoorResult(String runId, Outcome outcome) {}

  /**
   * Locks the member's door as a staff lock, which GymOps never lifts by itself.
   *
   * @throws IllegalStateException when the door is locked already, or the door system failed
   */
  public DoorResult lock(Actor actor, MemberId id, String reason) {
    Member member = find(id);
    actor.mustReach(member.clubId());
    requireReason(reason, "lock");
    if (member.door().isLocked()) {
      throw new IllegalStateException(
          "member " + id + " is locked already (" + member.door().code() + ")");
    }
    return changeDoor(actor, member, new Effect.ManualLock(reason.strip()), "lock", reason);
  }

  /**
   * Lifts whatever lock the member has, a payment lock included.
   *
   * @throws IllegalStateException when the door is not locked, or the door system failed
   */
  public DoorResult unlock(Actor actor, MemberId id, String reason) {
    Member member = find(id);
    actor.mustReach(member.clubId());
    requireReason(reason, "unlock");
    if (!member.door().isLocked()) {
      throw new IllegalStateException("member " + id + "'s door is not locked");
    }
    return changeDoor(actor, member, new Effect.ManualUnlock(reason.strip()), "unlock", reason);
  }

  private DoorResult changeDoor(
      Actor actor, Member member, Effect effect, String verb, String reason) {
    requireClub(member);
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("by", actor.name());
    inputs.put("reason", reason.strip());
    inputs.put("door", member.door().code());
    RunReport result =
        runner.run(
            RunRequest.manual(
                WorkflowId.DOOR_ACCESS,
                member.clubId(),
                List.of(new Action(member.id(), effect, "manual." + verb, inputs)),
                clock.instant()));
    Outcome outcome = result.actions().get(0).executed();
    if (outcome.kind() == Outcome.Kind.FAILED) {
      throw new IllegalStateException(
          "could not " + verb + " member " + member.id() + ": " + outcome.message());
    }
    Member after = members.find(member.id()).orElse(member);
    notes.add(
        new Note(
            member.id(),
            clock.instant(),
            NotePriority.NORMAL,
            NoteCategory.SERVICE,
            "Access " + (verb.equals("lock") ? "locked" : "restored") + " by hand: " + reason,
            actor.name()),
        EffectKeys.manualDoorNote(result.runId()),
        result.runId());
    audit.record(
        actor,
        member.clubId(),
        verb,
        Audit.member(member.id()),
        "door " + member.door().code(),
        "door " + after.door().code() + " (run " + result.runId() + ")",
        reason.strip());
    return new DoorResult(result.runId(), outcome);
  }

  /** Adds a staff note to the member's account. */
  public void note(Actor actor, MemberId id, String text) {
    Member member = find(id);
    actor.mustReach(member.clubId());
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the note is empty");
    }
    notes.add(
        new Note(
            id,
            clock.instant(),
            NotePriority.NORMAL,
            NoteCategory.GENERAL,
            text.strip(),
            actor.name()),
        EffectKeys.manualNote(UUID.randomUUID()),
        null);
    audit.record(actor, member.clubId(), "note", Audit.member(id), null, text.strip(), null);
  }

  /**
   * Records that the member wants no texts (or wants them again), as a STOP or START would.
   *
   * @return whether it changed anything
   */
  public boolean setOptedOut(Actor actor, MemberId id, boolean optedOut) {
    Member member = find(id);
    actor.mustReach(member.clubId());
    if (member.smsOptedOut() == optedOut) {
      return false;
    }
    members.setSmsOptedOut(id, optedOut, clock.instant());
    audit.record(
        actor,
        member.clubId(),
        optedOut ? "opt-out" : "opt-in",
        Audit.member(id),
        "sms_opted_out " + member.smsOptedOut(),
        "sms_opted_out " + optedOut,
        null);
    return true;
  }

  private Member find(MemberId id) {
    return Members.find(members, id);
  }

  private void requireClub(Member member) {
    config
        .club(member.clubId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "member " + member.id() + "'s club " + member.clubId() + " is not configured"));
  }

  private static void requireReason(String reason, String verb) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a manual " + verb + " needs --reason");
    }
  }
}
