package com.gymops.application.payments;

import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.PaymentStore;
import com.gymops.application.run.Outcome;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunRequest;
import com.gymops.application.run.WorkflowRunner;
import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.Money;
import com.gymops.domain.PastDue;
import com.gymops.domain.Payment;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.DoorAccessPolicy;
import com.gymops.policy.Effect;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A payment pushed by the payment system: recorded once (its id makes a replay a no-op), the
 * balance lowered by the payment rule ({@link com.gymops.domain.PastDue#afterPayment}), and the
 * member's door evaluated at once by a door-access run for that one member, so a member locked for
 * payment is let in within the request, through the same pipeline, guard and audit as the hourly
 * run.
 */
public final class PaymentService {
  /** A payment lifts a payment lock; locking stays with the hourly run, its window and breaker. */
  private static final Set<String> DOOR_RULES = Set.of(DoorAccessPolicy.RULE_UNLOCK);

  private final MemberStore members;
  private final PaymentStore payments;
  private final WorkflowRunner runner;
  private final Clock clock;

  public PaymentService(
      MemberStore members, PaymentStore payments, WorkflowRunner runner, Clock clock) {
    this.members = members;
    this.payments = payments;
    this.runner = runner;
    this.clock = clock;
  }

  /**
   * Records the payment and evaluates the member's door. The member is read once: the door run gets
   * them with the balance the payment left, and the door they have after it comes from its report.
   */
  public PaymentResult receive(Payment payment) {
    Optional<Member> member = members.find(payment.memberId());
    if (member.isEmpty()) {
      return PaymentResult.unknownMember(payment);
    }
    Optional<PaymentStore.Applied> applied = payments.apply(payment, clock.instant());
    if (applied.isEmpty()) {
      boolean same =
          payments
              .find(payment.paymentId())
              .map(
                  recorded ->
                      recorded.memberId().equals(payment.memberId())
                          && recorded.amount().equals(payment.amount()))
              .orElse(true);
      if (!same) {
        return PaymentResult.conflict(payment);
      }
      // The payment system resends a payment it got no 2xx for. When the first delivery was
      // recorded but the process died before its door run, the member is still locked for a
      // debt they paid: the resend finishes the job (the run's keys make it a no-op otherwise).
      // The member as read is after that first delivery.
      if (member.get().door().isLockedForPayment()) {
        DoorRun door = evaluateDoor(member.get());
        return new PaymentResult(
            payment.paymentId(),
            payment.memberId().value(),
            PaymentResult.Status.REPLAY,
            null,
            null,
            door.after(),
            door.report().runId(),
            actions(door.report()));
      }
      return PaymentResult.replay(payment);
    }
    DoorRun door = evaluateDoor(paid(member.get(), applied.get().after()));
    return new PaymentResult(
        payment.paymentId(),
        payment.memberId().value(),
        PaymentResult.Status.RECORDED,
        applied.get().before(),
        applied.get().after(),
        door.after(),
        door.report().runId(),
        actions(door.report()));
  }

  /**
   * The member as the payment left them: a partial payment keeps the first day past due (see {@link
   * com.gymops.domain.PastDue#afterPayment}).
   */
  private static Member paid(Member before, Money owed) {
    return before.withPastDue(
        owed.isPositive()
            ? new PastDue(owed, before.pastDueSince())
            : new PastDue(Money.ZERO, null));
  }

  /**
   * Lifts the payment locks of the club's members who owe nothing although no payment reached
   * GymOps (paid at the front desk, then synced from the club system), at once rather than at the
   * next hourly door-access run. Each goes through the same one-member door run as a payment.
   *
   * @return how many members' doors were evaluated
   */
  public int openPaidUpDoors(ClubId club) {
    int evaluated = 0;
    for (Member member : members.pastDueOrLocked(club)) {
      if (member.door().isLockedForPayment() && !member.pastDue().isPositive()) {
        evaluateDoor(member);
        evaluated++;
      }
    }
    return evaluated;
  }

  /**
   * Lets the member in when they are locked for payment and owe nothing: what a provider's resent
   * paid event finishes when its payment was recorded but the process died before the door run.
   *
   * @return whether a door run was made
   */
  public boolean openIfPaidUp(com.gymops.domain.MemberId id) {
    Optional<Member> member = members.find(id);
    if (member.isPresent()
        && member.get().door().isLockedForPayment()
        && !member.get().pastDue().isPositive()) {
      evaluateDoor(member.get());
      return true;
    }
    return false;
  }

  /** A door run and the door the member has after it. */
  private record DoorRun(RunReport report, String after) {}

  private DoorRun evaluateDoor(Member member) {
    RunReport report =
        runner.run(
            RunRequest.forMember(WorkflowId.DOOR_ACCESS, member, DOOR_RULES, clock.instant()));
    boolean unlocked =
        report.actions().stream()
            .anyMatch(
                a ->
                    a.executed() != null
                        && a.action().equals(new Effect.UnlockDoor().name())
                        && (a.executed().kind() == Outcome.Kind.DONE
                            || a.executed().kind() == Outcome.Kind.ALREADY_DONE));
    return new DoorRun(report, (unlocked ? DoorAccess.OPEN : member.door()).code());
  }

  private static List<PaymentResult.DoorAction> actions(RunReport door) {
    return door.actions().stream()
        .map(a -> new PaymentResult.DoorAction(a.action(), a.detail(), a.outcome()))
        .toList();
  }
}
