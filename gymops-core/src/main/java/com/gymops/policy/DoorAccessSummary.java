package com.gymops.policy;

import java.util.List;

/**
 * The door-access summary: members locked and unlocked, lock warnings and all member notifications
 * queued (the lock, restore and warning texts), and the locks a person must confirm first: withheld
 * by the breaker ({@code access.max_locks_per_run}) or by {@code approvals.every_lock}.
 */
public record DoorAccessSummary(
    int membersLocked,
    int membersUnlocked,
    int lockWarnings,
    int notificationsQueued,
    int locksWithheldByBreaker,
    int locksAwaitingApproval)
    implements RunSummary {

  /** The door changes and texts among {@code actions}, with the locks a person must confirm. */
  public static DoorAccessSummary of(
      List<Action> actions, int locksWithheldByBreaker, int locksAwaitingApproval) {
    int locked = 0;
    int unlocked = 0;
    int warnings = 0;
    int notifications = 0;
    for (Action action : actions) {
      if (action.effect() instanceof Effect.LockDoor) {
        locked++;
      } else if (action.effect() instanceof Effect.UnlockDoor) {
        unlocked++;
      } else if (action.effect() instanceof Effect.ToMember toMember) {
        notifications++;
        if (toMember instanceof Effect.SendMessage message
            && message.templateKey().equals(DoorAccessPolicy.WARNING_TEMPLATE)) {
          warnings++;
        }
      }
    }
    return new DoorAccessSummary(
        locked, unlocked, warnings, notifications, locksWithheldByBreaker, locksAwaitingApproval);
  }

  @Override
  public DoorAccessSummary recount(List<Action> carriedOut) {
    return of(carriedOut, locksWithheldByBreaker, locksAwaitingApproval);
  }

  DoorAccessSummary awaitingApproval(List<Action> kept, int locks) {
    return of(kept, locksWithheldByBreaker, locksAwaitingApproval + locks);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.doorAccess(this);
  }
}
