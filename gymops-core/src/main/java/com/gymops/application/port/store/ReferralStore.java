package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.Referral;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Referrals to the collections agency. Thread-safe. */
public interface ReferralStore {
  /** Adds the referral unless its key exists; returns whether it was added. */
  boolean add(Referral referral, String idempotencyKey);

  /** Open referrals of the club's members, by member. */
  Map<MemberId, Referral> openInClub(ClubId club);

  /** The open referrals of {@code members}. */
  Map<MemberId, Referral> openOf(Collection<MemberId> members);

  List<Referral> ofMember(MemberId member);
}
