package com.gymops.application.messaging;

import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.InboundStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.application.port.store.ReferralStore;
import com.gymops.application.port.store.RunStore;
import com.gymops.application.port.store.SenderPauses;
import com.gymops.application.port.store.Transactor;
import java.util.Objects;

/**
 * The stores the {@link Dispatcher} works with: the outbox it drains, what it checks about the
 * recipient before a send (member, opt-outs, open referrals, the run's quoted amount), the attempt
 * a send settles, and the sender pauses.
 */
public record DispatchStores(
    Outbox outbox,
    MemberStore members,
    AttemptStore attempts,
    InboundStore inbound,
    ReferralStore referrals,
    RunStore runs,
    SenderPauses senderPauses,
    Transactor transactor) {
  public DispatchStores {
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(attempts, "attempts");
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(referrals, "referrals");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(senderPauses, "senderPauses");
    Objects.requireNonNull(transactor, "transactor");
  }
}
