package com.gymops.application.sync;

import com.gymops.application.importing.MemberValidator;
import com.gymops.application.port.ClubRecord;
import com.gymops.application.port.ClubSystem;
import com.gymops.application.port.ClubSystemException;
import com.gymops.application.port.ClubSystemFacts;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.HoldStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.PayLinks;
import com.gymops.application.port.store.ProviderBilling;
import com.gymops.application.port.store.SyncStateStore;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import com.gymops.domain.PayLinkUrl;
import com.gymops.domain.UsState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pulls the members changed since the last pull from the club system, page by page, and merges them
 * into the store: the club system's fields (names, contact, status, consent, balance) replace
 * GymOps' copy; the door, the STOP opt-out and an unusable-number mark stay GymOps'.
 *
 * <p>The watermark is the latest {@code updated_at} seen, saved only after the last page is merged,
 * and the next pull asks for {@code updated_since} equal to it (inclusive): a failure half-way
 * repeats the pull, and a member changed in the same instant as the watermark is fetched again
 * rather than missed. Both are harmless because merging a member is idempotent.
 *
 * <p>Every record goes through {@link MemberValidator}, as an imported row does: one that fails is
 * skipped and named in the result's problems, whichever club system sent it.
 */
public final class ClubSync {
  static final String WATERMARK = "club-system:members";
  private static final int MAX_PAGES = 10_000;

  private final ClubSystem clubSystem;
  private final MemberStore members;
  private final SyncStateStore state;
  private final Set<ClubId> clubs;
  private final Clock clock;
  private final HoldStore holds;
  private final PayLinks payLinks;
  private final ProviderBilling billing;
  private final PulledRecordDefaults defaults;

  /** Without the stores of holds and pay links: those fields are ignored (tests). */
  public ClubSync(
      ClubSystem clubSystem,
      MemberStore members,
      SyncStateStore state,
      Set<ClubId> clubs,
      Clock clock) {
    this(clubSystem, members, state, clubs, clock, null, null);
  }

  /**
   * @param holds where a record's {@code collections_hold_until} goes
   * @param payLinks where a record's {@code pay_link} goes
   */
  public ClubSync(
      ClubSystem clubSystem,
      MemberStore members,
      SyncStateStore state,
      Set<ClubId> clubs,
      Clock clock,
      HoldStore holds,
      PayLinks payLinks) {
    this(clubSystem, members, state, clubs, clock, holds, payLinks, null);
  }

  /**
   * @param billing where a record's {@code payment_customer_id} goes (null: ignored)
   */
  public ClubSync(
      ClubSystem clubSystem,
      MemberStore members,
      SyncStateStore state,
      Set<ClubId> clubs,
      Clock clock,
      HoldStore holds,
      PayLinks payLinks,
      ProviderBilling billing) {
    this.billing = billing;
    this.defaults = new PulledRecordDefaults(members, clock);
    this.holds = holds;
    this.payLinks = payLinks;
    this.clubSystem = clubSystem;
    this.members = members;
    this.state = state;
    this.clubs = Set.copyOf(clubs);
    this.clock = clock;
  }

  /**
   * The watermark of the last complete pull: the latest {@code updated_at} it saw (ClubHub, which
   * has none, stamps every record with the pull's instant), or empty before the first.
   */
  public java.util.Optional<Instant> lastPull() {
    return state.watermark(WATERMARK);
  }

  /**
   * One pull.
   *
   * @throws ClubSystemException when the club system cannot be read; the watermark is unchanged
   */
  public Result pull() {
    Instant since = state.watermark(WATERMARK).orElse(null);
    Instant watermark = since;
    int merged = 0;
    List<String> problems = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ClubSystem.Page page = clubSystem.members(since, cursor);
      List<Member> valid = new ArrayList<>(page.members().size());
      Map<MemberId, LocalDate> holdsUntil = new HashMap<>();
      Map<MemberId, String> links = new HashMap<>();
      Map<MemberId, String> customerIds = new HashMap<>();
      List<ClubSystemLinks.Link> facts = new ArrayList<>();
      for (ClubRecord pulled : page.members()) {
        ClubRecord record = pulled;
        try {
          record = defaults.apply(pulled);
          Member member = member(record);
          List<String> invalid = MemberValidator.problems(member);
          if (!invalid.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", invalid));
          }
          ClubSystemLinks.Link link = link(member.id(), record.facts());
          String hold = blankToNull(record.collectionsHoldUntil());
          LocalDate until = null;
          if (hold != null) {
            try {
              until = LocalDate.parse(hold);
            } catch (java.time.DateTimeException e) {
              throw new IllegalArgumentException(
                  "collections_hold_until '" + hold + "' is not a date (YYYY-MM-DD)", e);
            }
          }
          String payLink = blankToNull(record.payLink());
          if (payLink != null) {
            try {
              PayLinkUrl.check(payLink, payLink);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("pay_link: " + e.getMessage(), e);
            }
          }
          String customerId = blankToNull(record.paymentCustomerId());
          if (customerId != null) {
            MemberValidator.customerIdProblem(customerId)
                .ifPresent(
                    problem -> {
                      throw new IllegalArgumentException("payment_customer_id: " + problem);
                    });
          }
          valid.add(member);
          if (customerId != null) {
            customerIds.put(member.id(), customerId);
          }
          if (until != null) {
            holdsUntil.put(member.id(), until);
          }
          if (payLink != null) {
            links.put(member.id(), payLink);
          }
          if (link != null) {
            facts.add(link);
          }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
          problems.add(record.memberId() + ": " + e.getMessage());
        }
        if (record.updatedAt() != null
            && (watermark == null || record.updatedAt().isAfter(watermark))) {
          watermark = record.updatedAt();
        }
      }
      // The members and their club-system links in one transaction; holds and pay links after the
      // members they belong to: a crash before the watermark is saved repeats the page.
      members.mergeFromClubSystem(valid, facts, clock.instant());
      storeHoldsAndLinks(valid, holdsUntil, links);
      if (billing != null) {
        billing.putCustomerIds(customerIds, clock.instant());
      }
      merged += valid.size();
      cursor = page.next();
      if (++pages > MAX_PAGES) {
        throw new ClubSystemException("more than " + MAX_PAGES + " pages: the cursor loops");
      }
    } while (cursor != null);
    if (watermark != null) {
      state.save(WATERMARK, watermark, clock.instant());
    }
    return new Result(merged, problems, watermark);
  }

  private void storeHoldsAndLinks(
      List<Member> valid, Map<MemberId, LocalDate> holdsUntil, Map<MemberId, String> links) {
    if (holds != null) {
      for (Member member : valid) {
        LocalDate until = holdsUntil.get(member.id());
        if (until != null) {
          holds.put(
              new CollectionHold(
                  member.id(),
                  member.clubId(),
                  until,
                  "collections_hold_until from the club system",
                  "club-system",
                  clock.instant(),
                  null,
                  null));
        }
      }
    }
    if (payLinks != null) {
      payLinks.putAll(links, clock.instant());
    }
  }

  private Member member(ClubRecord record) {
    ClubId given = new ClubId(required(record.clubId(), "club_id"));
    ClubId club =
        clubs.stream()
            .filter(given::sameAs)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("club '" + given.value() + "' is not configured"));
    if (record.updatedAt() == null) {
      throw new IllegalArgumentException("updated_at is missing");
    }
    String phone = blankToNull(record.phone());
    Money pastDue =
        record.pastDueAmount() == null ? Money.ZERO : Money.parse(record.pastDueAmount());
    LocalDate pastDueSince =
        record.pastDueSince() == null ? null : LocalDate.parse(record.pastDueSince());
    if (pastDue.isPositive() && pastDueSince == null) {
      throw new IllegalArgumentException("past_due_since is needed with a past-due amount");
    }
    return new Member(
        new MemberId(required(record.memberId(), "member_id")),
        club,
        required(record.firstName(), "first_name"),
        record.lastName() == null ? "" : record.lastName(),
        phone,
        blankToNull(record.email()),
        MemberStatus.valueOf(required(record.status(), "status").toUpperCase(Locale.ROOT)),
        record.joinedOn() == null ? null : LocalDate.parse(record.joinedOn()),
        pastDue,
        pastDue.isPositive() ? pastDueSince : null,
        record.smsConsent(),
        false,
        DoorAccess.OPEN,
        false,
        record.state() == null || record.state().isBlank() ? null : UsState.parse(record.state()));
  }

  /** Checked before the member is kept, so a record with a bad last check-in is skipped whole. */
  private static ClubSystemLinks.Link link(MemberId member, ClubSystemFacts facts) {
    if (facts == null) {
      return null;
    }
    String externalId = required(facts.externalId(), "the club system's member id");
    String lastCheckIn = blankToNull(facts.lastCheckIn());
    return new ClubSystemLinks.Link(
        member,
        externalId,
        facts.clubStatus(),
        lastCheckIn == null ? null : LocalDate.parse(lastCheckIn));
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * @param merged members merged
   * @param problems records skipped, one line each ({@code member_id: why})
   * @param watermark the {@code updated_since} of the next pull, or null before the first member
   */
  public record Result(int merged, List<String> problems, Instant watermark) {
    public Result {
      problems = List.copyOf(problems);
    }
  }
}
