package com.gymops.application.run;

import com.gymops.domain.Club;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Collection;

/**
 * Has the payment provider make a pay link for those of a run's reminded members who have none of
 * the provider's yet, before the run's texts are written (docs/INTEGRATIONS.md, "Invoices made on
 * demand"). Its calls go out over the network, so it runs beside the planning, never inside a
 * policy, and only for a run that sends. Thread-safe.
 */
public interface PayLinkIssuer {
  /**
   * A deployment whose provider makes no invoices: every link is the member's own or the
   * template's.
   */
  PayLinkIssuer NONE = (club, members, now) -> 0;

  /**
   * Makes the missing links of {@code members} of the club, at most a bounded number a run.
   *
   * @return how many links were made; when none, the plan already written stands
   */
  int issue(Club club, Collection<MemberId> members, Instant now);
}
