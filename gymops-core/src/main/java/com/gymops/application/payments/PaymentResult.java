package com.gymops.application.payments;

import com.gymops.domain.Money;
import com.gymops.domain.Payment;
import java.util.List;

/**
 * What a payment changed.
 *
 * @param balanceBefore the past-due balance before the payment, null unless recorded
 * @param balanceAfter the past-due balance after it, null unless recorded
 * @param door the member's door after it ({@code ACTIVE}, {@code LOCKED_PAYMENT}, ...), null unless
 *     recorded
 * @param doorRun the door-access run the payment started, null unless recorded
 * @param actions what that run did: unlock, message, note, with their outcomes
 */
public record PaymentResult(
    String paymentId,
    String memberId,
    Status status,
    Money balanceBefore,
    Money balanceAfter,
    String door,
    String doorRun,
    List<DoorAction> actions) {
  public PaymentResult {
    actions = List.copyOf(actions);
  }

  static PaymentResult replay(Payment payment) {
    return new PaymentResult(
        payment.paymentId(),
        payment.memberId().value(),
        Status.REPLAY,
        null,
        null,
        null,
        null,
        List.of());
  }

  static PaymentResult conflict(Payment payment) {
    return new PaymentResult(
        payment.paymentId(),
        payment.memberId().value(),
        Status.CONFLICT,
        null,
        null,
        null,
        null,
        List.of());
  }

  static PaymentResult unknownMember(Payment payment) {
    return new PaymentResult(
        payment.paymentId(),
        payment.memberId().value(),
        Status.UNKNOWN_MEMBER,
        null,
        null,
        null,
        null,
        List.of());
  }

  /**
   * One action of the payment's door-access run and its outcome ({@code done}, {@code failed:
   * ...}).
   */
  public record DoorAction(String action, String detail, String outcome) {}

  /** Whether the payment was new, seen before, or for nobody GymOps knows. */
  public enum Status {
    RECORDED,
    /**
     * The payment id was recorded before with the same member and amount: the balance is not
     * lowered again. A member still locked for payment gets the door run the first delivery may
     * have been cut off before.
     */
    REPLAY,
    /**
     * The payment id was recorded before for another member or amount: two payments share an id,
     * which the payment system must fix; nothing changed.
     */
    CONFLICT,
    UNKNOWN_MEMBER
  }
}
