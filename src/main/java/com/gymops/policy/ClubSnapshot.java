package com.gymops.policy;

import com.gymops.domain.Club;
import java.util.List;
import java.util.Objects;

/**
 * Everything a policy may look at for one run of one club. Which members it holds depends on the
 * workflow (all of the club for campaigns, the past-due ones for collections).
 *
 * @param templates the club's message texts, which the policies render into the plan
 */
public record ClubSnapshot(
    Club club, ClubPolicy policy, MessageTemplates templates, List<MemberSnapshot> members) {
  public ClubSnapshot {
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(templates, "templates");
    members = List.copyOf(members);
  }

  /** A snapshot with the built-in texts. */
  public ClubSnapshot(Club club, ClubPolicy policy, List<MemberSnapshot> members) {
    this(club, policy, MessageTemplates.defaults(), members);
  }
}
