package com.gymops.workflow;

import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.RunEvent;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.policy.Action;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.MarketingHistory;
import com.gymops.policy.MemberSnapshot;
import com.gymops.policy.Plan;
import com.gymops.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The door-access workflow for one member, at once: what a payment calls so that a member who pays
 * is let in within the request, not at the next hourly run.
 *
 * <p>It asks the same {@link DoorAccessPolicy} and executes through the same {@link ActionExecutor}
 * as the hourly run, under the same keys for the hour, so there is still one path to every side
 * effect and the two never double up: whichever comes first unlocks, the other finds the door open
 * (or the key taken). Only the policy's unlock actions are executed: a payment never locks anyone;
 * locking stays with the hourly run and its lock window and breaker.
 *
 * <p>It takes no (workflow, club) lease: an hourly run in progress would otherwise make a paying
 * member wait an hour, and the keys already make a concurrent unlock a no-op. It is recorded as a
 * door-access run of its own, with one event per action.
 */
public final class MemberDoorCheck {
  static final String UNLOCK_RULE = "door.unlock";
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final GymOpsConfig config;
  private final Stores stores;
  private final ActionExecutor executor;
  private final Clock clock;

  public MemberDoorCheck(GymOpsConfig config, Stores stores, ActionExecutor executor, Clock clock) {
    this.config = config;
    this.stores = stores;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Lifts the member's payment lock if their balance now allows it, with the access-restored
   * message and the service note.
   *
   * @return what was done, one entry per action (empty when the door needs nothing)
   */
  public List<Done> unlockIfPaid(MemberId memberId) {
    Optional<Member> found = stores.members().find(memberId);
    if (found.isEmpty()) {
      return List.of();
    }
    Member member = found.get();
    Optional<ClubSettings> club = config.club(member.clubId());
    if (club.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    ClubSnapshot snapshot =
        new ClubSnapshot(
            club.get().club(),
            club.get().policy(),
            List.of(
                new MemberSnapshot(
                    member,
                    stores.attempts().ofMember(memberId),
                    MarketingHistory.NONE,
                    Optional.empty(),
                    Optional.empty())));
    Plan plan = new DoorAccessPolicy().plan(snapshot, Clock.fixed(now, club.get().club().zone()));
    List<Action> unlocks =
        plan.actions().stream().filter(action -> action.rule().equals(UNLOCK_RULE)).toList();
    if (unlocks.isEmpty()) {
      return List.of();
    }
    String runId =
        "run-" + RUN_ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
    RunContext run =
        RunContext.of(runId, WorkflowId.DOOR_ACCESS, club.get().club(), club.get().policy(), now);
    stores
        .runs()
        .start(
            new WorkflowRun(
                runId,
                WorkflowId.DOOR_ACCESS,
                member.clubId(),
                RunMode.RULES.code(),
                null,
                false,
                RunStatus.RUNNING,
                now,
                now,
                null,
                null,
                null));
    List<Done> done = new ArrayList<>();
    List<RunEvent> events = new ArrayList<>();
    boolean failed = false;
    for (Action action : unlocks) {
      Outcome outcome = executor.execute(action, member, run);
      failed |= outcome.kind() == Outcome.Kind.FAILED;
      done.add(new Done(action.name(), action.detail(), outcome.code()));
      events.add(
          new RunEvent(
              events.size() + 1,
              memberId,
              action.name(),
              action.detail(),
              action.rule(),
              RunReportJson.inputs(action.inputs()),
              outcome.code()));
    }
    stores.runs().addEvents(runId, events);
    stores
        .runs()
        .finish(
            runId,
            failed ? RunStatus.PARTIAL : RunStatus.SUCCEEDED,
            RunMode.RULES.code(),
            clock.instant(),
            null,
            failed ? "an unlock action failed; see the run's events" : null);
    return done;
  }

  /** One action of the check and its outcome code ({@code done}, {@code failed: ...}). */
  public record Done(String action, String detail, String outcome) {}
}
