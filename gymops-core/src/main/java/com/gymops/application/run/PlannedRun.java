package com.gymops.application.run;

import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.policy.ClubSnapshot;
import com.gymops.policy.MemberSnapshot;
import com.gymops.policy.Plan;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run after planning and before any effect: its context, what it saw, and what it decided.
 * Immutable.
 *
 * <p>A class rather than a record for its member index: every executed action looks its member up,
 * and a scan of the snapshot made a run over 100,000 members quadratic (the profile in
 * docs/BENCHMARKS.md).
 */
public final class PlannedRun {
  private final RunContext context;
  private final ClubSnapshot snapshot;
  private final Plan plan;
  private final Map<MemberId, MemberSnapshot> members;

  public PlannedRun(RunContext context, ClubSnapshot snapshot, Plan plan) {
    this.context = Objects.requireNonNull(context, "context");
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.members = new HashMap<>(snapshot.members().size() * 2);
    for (MemberSnapshot member : snapshot.members()) {
      // The first wins, as the scan it replaces did.
      members.putIfAbsent(member.member().id(), member);
    }
  }

  public RunContext context() {
    return context;
  }

  public ClubSnapshot snapshot() {
    return snapshot;
  }

  public Plan plan() {
    return plan;
  }

  /** The member as the run saw them, if the snapshot holds them. */
  public Optional<MemberSnapshot> member(MemberId id) {
    return Optional.ofNullable(members.get(id));
  }

  Member memberOrNull(MemberId id) {
    return id == null ? null : member(id).map(MemberSnapshot::member).orElse(null);
  }
}
