package com.gymops.workflow;

import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.MemberSnapshot;
import com.gymops.policy.Plan;
import java.util.Objects;
import java.util.Optional;

/** One run after planning and before any effect: its context, what it saw, and what it decided. */
public record PlannedRun(RunContext context, ClubSnapshot snapshot, Plan plan) {
  public PlannedRun {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(plan, "plan");
  }

  /** The member as the run saw them, if the snapshot holds them. */
  public Optional<MemberSnapshot> member(MemberId id) {
    return snapshot.members().stream().filter(m -> m.member().id().equals(id)).findFirst();
  }

  Member memberOrNull(MemberId id) {
    return id == null ? null : member(id).map(MemberSnapshot::member).orElse(null);
  }
}
