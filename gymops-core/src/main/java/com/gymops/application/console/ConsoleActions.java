package com.gymops.application.console;

import com.gymops.application.care.Actor;
import com.gymops.application.care.CollectionHolds;
import com.gymops.application.care.ManualActions;
import com.gymops.application.care.NotFoundException;
import com.gymops.application.care.OutboxActions;
import com.gymops.application.care.WorkflowPauses;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.WorkflowId;
import java.time.LocalDate;

/**
 * The console's actions on members and workflows. Each checks that the user may act on the club,
 * then calls the one engine the CLI and the JSON API call too, as the console user: the engine
 * executes through the run pipeline and writes the audit log.
 */
public final class ConsoleActions {
  private final MemberStore members;
  private final CollectionHolds holds;
  private final ManualActions manual;
  private final WorkflowPauses pauses;
  private final Outbox outbox;
  private final OutboxActions messages;

  public ConsoleActions(
      MemberStore members,
      CollectionHolds holds,
      ManualActions manual,
      WorkflowPauses pauses,
      Outbox outbox,
      OutboxActions messages) {
    this.members = members;
    this.holds = holds;
    this.manual = manual;
    this.pauses = pauses;
    this.outbox = outbox;
    this.messages = messages;
  }

  /** Cancels a queued text of the user's clubs. */
  public void cancelMessage(ConsoleUser user, long id) {
    messages.cancel(actorForMessage(user, id), id);
  }

  /** Sends a failed text of the user's clubs again, where that is safe. */
  public void retryMessage(ConsoleUser user, long id) {
    messages.retry(actorForMessage(user, id), id);
  }

  private Actor actorForMessage(ConsoleUser user, long id) {
    OutboundMessage message =
        outbox
            .find(id)
            .filter(m -> user.sees(m.clubId()))
            .orElseThrow(() -> new NotFoundException("no message " + id + " in your clubs"));
    return actorFor(user, message.clubId());
  }

  public void hold(ConsoleUser user, MemberId id, LocalDate until, String reason) {
    holds.hold(actorFor(user, id), id, until, reason);
  }

  public void release(ConsoleUser user, MemberId id) {
    holds.release(actorFor(user, id), id);
  }

  public void lock(ConsoleUser user, MemberId id, String reason) {
    manual.lock(actorFor(user, id), id, reason);
  }

  public void unlock(ConsoleUser user, MemberId id, String reason) {
    manual.unlock(actorFor(user, id), id, reason);
  }

  public void note(ConsoleUser user, MemberId id, String text) {
    manual.note(actorFor(user, id), id, text);
  }

  public void setOptedOut(ConsoleUser user, MemberId id, boolean optedOut) {
    manual.setOptedOut(actorFor(user, id), id, optedOut);
  }

  public void pause(ConsoleUser user, WorkflowId workflow, ClubId named) {
    ClubId club = pauses.configured(named);
    pauses.pause(actorFor(user, club), workflow, club);
  }

  public void resume(ConsoleUser user, WorkflowId workflow, ClubId named) {
    ClubId club = pauses.configured(named);
    pauses.resume(actorFor(user, club), workflow, club);
  }

  public boolean isPaused(WorkflowId workflow, ClubId club) {
    return pauses.isPaused(workflow, club);
  }

  private Actor actorFor(ConsoleUser user, MemberId id) {
    Member member =
        members
            .find(id)
            .filter(m -> user.sees(m.clubId()))
            .orElseThrow(() -> new NotFoundException("no member " + id.value() + " in your clubs"));
    return actorFor(user, member.clubId());
  }

  /** The console user as the engine's actor, limited to the one club this action is about. */
  static Actor actorFor(ConsoleUser user, ClubId club) {
    if (!user.role().mayAct()) {
      throw new ConsoleDenied("staff accounts can read but not act");
    }
    if (!user.sees(club)) {
      throw new ConsoleDenied(user.email() + " does not manage club " + club.value());
    }
    return new Actor(user.email(), club);
  }
}
