package com.gymops.policy;

import com.gymops.domain.Club;
import java.util.List;
import java.util.Objects;

/**
 * Everything a policy may look at for one run of one club. Which members it holds depends on the
 * workflow (all of the club for campaigns, the past-due ones for collections).
 */
public record ClubSnapshot(Club club, ClubPolicy policy, List<MemberSnapshot> members) {
  public ClubSnapshot {
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(policy, "policy");
    members = List.copyOf(members);
  }
}
