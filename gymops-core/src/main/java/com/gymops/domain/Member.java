package com.gymops.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A person known to a club: prospect, member or former member, with what GymOps needs to bill,
 * message and admit them.
 *
 * @param phone E.164 number, or {@code null} when none is on file
 * @param email address, or {@code null} when none is on file
 * @param pastDue the balance currently past due; zero when the member is paid up
 * @param pastDueSince the first day of the current delinquency; {@code null} when paid up
 * @param smsConsent whether the member agreed to marketing texts
 * @param smsOptedOut whether the member replied STOP: no text of any kind may go to them
 * @param phoneUnusable whether the SMS provider called {@code phone} invalid or not mobile; such a
 *     number counts as no phone until a different one is imported
 * @param state the US state of the member's address, which decides the texting law for them; {@code
 *     null} when unknown (the phone's area code or the club's state stand in)
 */
public record Member(
    MemberId id,
    ClubId clubId,
    String firstName,
    String lastName,
    String phone,
    String email,
    MemberStatus status,
    LocalDate joinedOn,
    Money pastDue,
    LocalDate pastDueSince,
    boolean smsConsent,
    boolean smsOptedOut,
    DoorAccess door,
    boolean phoneUnusable,
    UsState state) {

  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clubId, "clubId");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(pastDue, "pastDue");
    Objects.requireNonNull(door, "door");
  }

  /** A member whose address state is unknown. */
  public Member(
      MemberId id,
      ClubId clubId,
      String firstName,
      String lastName,
      String phone,
      String email,
      MemberStatus status,
      LocalDate joinedOn,
      Money pastDue,
      LocalDate pastDueSince,
      boolean smsConsent,
      boolean smsOptedOut,
      DoorAccess door,
      boolean phoneUnusable) {
    this(
        id,
        clubId,
        firstName,
        lastName,
        phone,
        email,
        status,
        joinedOn,
        pastDue,
        pastDueSince,
        smsConsent,
        smsOptedOut,
        door,
        phoneUnusable,
        null);
  }

  /** A member whose phone is not known to be unusable. */
  public Member(
      MemberId id,
      ClubId clubId,
      String firstName,
      String lastName,
      String phone,
      String email,
      MemberStatus status,
      LocalDate joinedOn,
      Money pastDue,
      LocalDate pastDueSince,
      boolean smsConsent,
      boolean smsOptedOut,
      DoorAccess door) {
    this(
        id,
        clubId,
        firstName,
        lastName,
        phone,
        email,
        status,
        joinedOn,
        pastDue,
        pastDueSince,
        smsConsent,
        smsOptedOut,
        door,
        false,
        null);
  }

  /** The same member under another id: a demo club copied into a database of several clubs. */
  public Member withId(MemberId other) {
    return new Member(
        other,
        clubId,
        firstName,
        lastName,
        phone,
        email,
        status,
        joinedOn,
        pastDue,
        pastDueSince,
        smsConsent,
        smsOptedOut,
        door,
        phoneUnusable,
        state);
  }

  /** The same member owing {@code owed}, as a payment leaves them. */
  public Member withPastDue(PastDue owed) {
    return new Member(
        id,
        clubId,
        firstName,
        lastName,
        phone,
        email,
        status,
        joinedOn,
        owed.amount(),
        owed.since(),
        smsConsent,
        smsOptedOut,
        door,
        phoneUnusable,
        state);
  }

  public String fullName() {
    return lastName.isEmpty() ? firstName : firstName + " " + lastName;
  }

  public boolean isPastDue() {
    return pastDue.isPositive();
  }

  public Optional<String> phoneNumber() {
    return Optional.ofNullable(phone);
  }

  /** The phone a text can go to: on file, not blank and not reported unusable by the provider. */
  public Optional<String> textablePhone() {
    return phone == null || phone.isBlank() || phoneUnusable
        ? Optional.empty()
        : Optional.of(phone);
  }

  public Optional<String> emailAddress() {
    return Optional.ofNullable(email);
  }
}
