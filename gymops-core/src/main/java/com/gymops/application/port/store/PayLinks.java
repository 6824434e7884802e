package com.gymops.application.port.store;

import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Members' own pay links: the payment provider's page of the member's open invoice (Stripe's {@code
 * hosted_invoice_url}, Square's {@code public_url}), else the link from the import or the club
 * system. Thread-safe.
 */
public interface PayLinks {
  /** Sets each member's link; an empty link removes it. */
  void putAll(Map<MemberId, String> links, Instant now);

  Optional<String> of(MemberId member);

  /**
   * The own links of those of {@code members} that have one: a read per thousand members, so a run
   * pays for the members it looks at, not for the club's or the database's other links.
   */
  Map<MemberId, String> ofMembers(Collection<MemberId> members);
}
