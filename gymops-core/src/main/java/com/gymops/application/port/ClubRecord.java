package com.gymops.application.port;

import java.time.Instant;

/**
 * One member as the club system sends it, before validation: the fields the club system owns. The
 * door, the STOP opt-out and an unusable-number mark are GymOps' own and never come from it.
 *
 * @param pastDueAmount dollars, e.g. {@code "80.00"}
 * @param joinedOn ISO date or null
 * @param pastDueSince ISO date or null
 * @param state the US state of the member's address (two letters), or null
 * @param collectionsHoldUntil ISO date of a payment plan's end, or null (keeps what is on file)
 * @param payLink the member's own https pay link, or null (keeps what is on file)
 * @param facts what a club system with ids and statuses of its own says beside the fields above
 *     (ClubHub), or null (docs/club-system-api.md's records, which say all there is)
 * @param paymentCustomerId the member's customer id at the payment provider ({@code
 *     payment_customer_id}: Stripe's {@code cus_...}, Square's customer id), or null (keeps what is
 *     on file); ClubHub's and ABC Evo's member records carry none
 */
public record ClubRecord(
    String memberId,
    String clubId,
    String firstName,
    String lastName,
    String phone,
    String email,
    String status,
    String joinedOn,
    String pastDueAmount,
    String pastDueSince,
    boolean smsConsent,
    Instant updatedAt,
    String state,
    String collectionsHoldUntil,
    String payLink,
    ClubSystemFacts facts,
    String paymentCustomerId) {

  /** A record without a payment provider's customer id. */
  public ClubRecord(
      String memberId,
      String clubId,
      String firstName,
      String lastName,
      String phone,
      String email,
      String status,
      String joinedOn,
      String pastDueAmount,
      String pastDueSince,
      boolean smsConsent,
      Instant updatedAt,
      String state,
      String collectionsHoldUntil,
      String payLink,
      ClubSystemFacts facts) {
    this(
        memberId,
        clubId,
        firstName,
        lastName,
        phone,
        email,
        status,
        joinedOn,
        pastDueAmount,
        pastDueSince,
        smsConsent,
        updatedAt,
        state,
        collectionsHoldUntil,
        payLink,
        facts,
        null);
  }

  /** A record of docs/club-system-api.md: nothing beside its fields. */
  public ClubRecord(
      String memberId,
      String clubId,
      String firstName,
      String lastName,
      String phone,
      String email,
      String status,
      String joinedOn,
      String pastDueAmount,
      String pastDueSince,
      boolean smsConsent,
      Instant updatedAt,
      String state,
      String collectionsHoldUntil,
      String payLink) {
    this(
        memberId,
        clubId,
        firstName,
        lastName,
        phone,
        email,
        status,
        joinedOn,
        pastDueAmount,
        pastDueSince,
        smsConsent,
        updatedAt,
        state,
        collectionsHoldUntil,
        payLink,
        null);
  }
}
