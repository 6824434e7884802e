package com.gymops.adapter.persistence;

import com.gymops.application.port.store.ReferralStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.MemberId;
import com.gymops.domain.Referral;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Referrals in the {@code referral} table. */
final class JdbiReferralStore implements ReferralStore {
  private static final String COLUMNS =
      "member_id, club_id, referred_on, amount_cents, attempts, closed_on, run_id";
  private final Jdbi jdbi;
  private final Queries queries;

  JdbiReferralStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.queries = new Queries(jdbi);
  }

  @Override
  public boolean add(Referral referral, String idempotencyKey) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO referral (member_id, club_id, referred_on, amount_cents,"
                            + " attempts, closed_on, run_id, idempotency_key) VALUES (:member,"
                            + " :club, :referred_on, :amount, :attempts, :closed_on, :run_id, :key)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("member", referral.memberId().value())
                    .bind("club", referral.clubId().value())
                    .bind("referred_on", referral.referredOn())
                    .bind("amount", referral.amount().cents())
                    .bind("attempts", referral.attempts())
                    .bind("closed_on", referral.closedOn())
                    .bind("run_id", referral.runId())
                    .bind("key", idempotencyKey)
                    .execute())
        == 1;
  }

  @Override
  public Map<MemberId, Referral> openInClub(ClubId club) {
    Map<MemberId, Referral> open = new HashMap<>();
    for (Referral referral :
        queries.list(
            Referral.class,
            "SELECT "
                + COLUMNS
                + " FROM referral WHERE club_id = ? AND closed_on IS NULL ORDER BY id",
            club.value())) {
      open.put(referral.memberId(), referral);
    }
    return open;
  }

  @Override
  public List<Referral> ofMember(MemberId member) {
    return queries.list(
        Referral.class,
        "SELECT " + COLUMNS + " FROM referral WHERE member_id = ? ORDER BY id",
        member.value());
  }

  @Override
  public Map<MemberId, Referral> openOf(Collection<MemberId> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        handle -> {
          Map<MemberId, Referral> open = new HashMap<>();
          handle
              .createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM referral WHERE member_id IN (<ids_of_json>) AND closed_on IS NULL"
                      + " ORDER BY id")
              .bind("ids", MemberIdsJson.of(members))
              .mapTo(Referral.class)
              .forEach(referral -> open.put(referral.memberId(), referral));
          return open;
        });
  }
}
