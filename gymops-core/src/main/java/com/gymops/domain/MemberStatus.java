package com.gymops.domain;

/** Where a person stands with the club. */
public enum MemberStatus {
  PROSPECT,
  ACTIVE,
  /** Pay per visit: no contract, charged per check-in. */
  PPV,
  FROZEN,
  CANCELLED
}
