package com.gymops.application.care;

import com.gymops.application.port.store.PausedWorkflows;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowPause;
import java.time.Clock;
import java.util.List;

/**
 * {@code gymops workflows pause|resume}: stored in the database, so the scheduler of every node
 * skips a paused workflow's fires from the next poll on.
 */
public final class WorkflowPauses {
  private final GymOpsConfig config;
  private final PausedWorkflows paused;
  private final Audit audit;
  private final Clock clock;

  public WorkflowPauses(GymOpsConfig config, PausedWorkflows paused, Audit audit, Clock clock) {
    this.config = config;
    this.paused = paused;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Pauses the workflow for the club, or for every club when {@code club} is null.
   *
   * @return false when it was paused already
   */
  public boolean pause(Actor actor, WorkflowId workflow, ClubId named) {
    ClubId club = configured(named);
    String scope = scope(actor, club);
    boolean added = paused.pause(workflow, scope, actor.name(), clock.instant());
    if (added) {
      audit.record(actor, club, "pause", target(workflow, scope), "running", "paused", null);
    }
    return added;
  }

  /** Returns false when it was not paused (for that scope). */
  public boolean resume(Actor actor, WorkflowId workflow, ClubId named) {
    ClubId club = configured(named);
    String scope = scope(actor, club);
    boolean resumed = paused.resume(workflow, scope);
    if (resumed) {
      audit.record(actor, club, "resume", target(workflow, scope), "paused", "running", null);
    }
    return resumed;
  }

  public boolean isPaused(WorkflowId workflow, ClubId club) {
    return paused.isPaused(workflow, club);
  }

  public List<WorkflowPause> all() {
    return paused.all();
  }

  /**
   * The club as the configuration spells it: a pause is matched to fires by that spelling, so one
   * stored as {@code NORTH} would never stop {@code north}'s fires. Null stays null (every club).
   *
   * @throws NotFoundException for a club not in the configuration
   */
  public ClubId configured(ClubId named) {
    if (named == null) {
      return null;
    }
    return config
        .club(named)
        .map(settings -> settings.club().id())
        .orElseThrow(() -> new NotFoundException("no club '" + named + "' in the configuration"));
  }

  private String scope(Actor actor, ClubId club) {
    if (club == null) {
      if (actor.club() != null) {
        throw new NotPermittedException(
            actor.name() + " may act on club " + actor.club() + " only, not on every club");
      }
      return PausedWorkflows.ALL_CLUBS;
    }
    actor.mustReach(club);
    return club.value();
  }

  private static String target(WorkflowId workflow, String scope) {
    return "workflow:" + workflow.id() + ":" + scope;
  }
}
