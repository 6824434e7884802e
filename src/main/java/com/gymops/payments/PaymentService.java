package com.gymops.payments;

import com.gymops.domain.Member;
import com.gymops.domain.Payment;
import com.gymops.store.MemberStore;
import com.gymops.store.PaymentStore;
import com.gymops.workflow.MemberDoorCheck;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A payment pushed by the payment system: recorded once (its id makes a replay a no-op), the
 * balance lowered, and the member's door evaluated at once through the door-access rules, so a
 * member locked for payment is let in within the request.
 */
public final class PaymentService {
  private final MemberStore members;
  private final PaymentStore payments;
  private final MemberDoorCheck doors;
  private final Clock clock;

  public PaymentService(
      MemberStore members, PaymentStore payments, MemberDoorCheck doors, Clock clock) {
    this.members = members;
    this.payments = payments;
    this.doors = doors;
    this.clock = clock;
  }

  public PaymentResult receive(Payment payment) {
    if (members.find(payment.memberId()).isEmpty()) {
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
      return same ? PaymentResult.replay(payment) : PaymentResult.conflict(payment);
    }
    List<MemberDoorCheck.Done> actions = doors.unlockIfPaid(payment.memberId());
    String door =
        members.find(payment.memberId()).map(Member::door).map(d -> d.code()).orElse(null);
    return new PaymentResult(
        payment.paymentId(),
        payment.memberId().value(),
        PaymentResult.Status.RECORDED,
        applied.get().before(),
        applied.get().after(),
        door,
        actions);
  }
}
