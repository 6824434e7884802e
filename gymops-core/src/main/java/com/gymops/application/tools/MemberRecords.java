package com.gymops.application.tools;

import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.NoteStore;
import com.gymops.application.port.store.ReferralStore;
import java.util.Objects;

/**
 * The stores the tools read about members beyond the run's snapshot: a member the snapshot does not
 * hold, their attempts, notes and referrals. The tools write only through the {@link
 * com.gymops.application.run.ActionExecutor}.
 */
public record MemberRecords(
    MemberStore members, AttemptStore attempts, NoteStore notes, ReferralStore referrals) {
  public MemberRecords {
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(attempts, "attempts");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(referrals, "referrals");
  }
}
