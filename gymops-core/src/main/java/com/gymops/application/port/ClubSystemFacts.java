package com.gymops.application.port;

/**
 * What a club system with its own member ids and statuses says beside a {@link ClubRecord}'s fields
 * (ClubHub: docs/INTEGRATIONS.md).
 *
 * @param externalId the member's id in the club system, used by its own calls (the door's bans)
 * @param clubStatus the club system's standing of the member in GymOps' words ({@code staff},
 *     {@code pending_cancel}, {@code past_due}, {@code ppv}, {@code good_standing}, ...), or null
 * @param lastCheckIn ISO date of the member's last check-in, or null
 * @param consentKnown whether the record's {@code smsConsent} comes from the club system or a
 *     club's attestation; when not, a pull keeps the consent GymOps has on file (none for a new
 *     member)
 * @param pastDueSinceAtLatest whether the record's {@code pastDueSince} is only the latest day the
 *     debt can have started (or null: unknown); the sync then keeps an earlier start it has on file
 *     for the same debt, and takes the day of the first pull that saw the balance when there is
 *     none
 */
public record ClubSystemFacts(
    String externalId,
    String clubStatus,
    String lastCheckIn,
    boolean consentKnown,
    boolean pastDueSinceAtLatest) {
  public static final String STAFF = "staff";
}
