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
    DoorAccess door) {

  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clubId, "clubId");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(pastDue, "pastDue");
    Objects.requireNonNull(door, "door");
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

  public Optional<String> emailAddress() {
    return Optional.ofNullable(email);
  }
}
