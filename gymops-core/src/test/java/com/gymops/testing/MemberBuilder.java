package com.gymops.testing;

import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.time.LocalDate;

/** Test data: {@code aMember().withBalance("120.00").build()}, with sensible defaults. */
public final class MemberBuilder {
  private static int sequence;

  private String id;
  private String club = "main";
  private String firstName = "Alex";
  private String lastName = "Rivera";
  private String phone = "+12125552671";
  private String email = "alex.rivera@example.com";
  private MemberStatus status = MemberStatus.ACTIVE;
  private LocalDate joinedOn = LocalDate.of(2024, 3, 1);
  private Money balance = Money.ZERO;
  private LocalDate pastDueSince;
  private boolean smsConsent = true;
  private boolean optedOut;
  private DoorAccess door = DoorAccess.OPEN;

  private MemberBuilder() {
    synchronized (MemberBuilder.class) {
      sequence++;
      id = String.format("T%05d", sequence);
    }
  }

  public static MemberBuilder aMember() {
    return new MemberBuilder();
  }

  public MemberBuilder withId(String value) {
    this.id = value;
    return this;
  }

  public MemberBuilder inClub(String value) {
    this.club = value;
    return this;
  }

  public MemberBuilder named(String first, String last) {
    this.firstName = first;
    this.lastName = last;
    return this;
  }

  public MemberBuilder withPhone(String value) {
    this.phone = value;
    return this;
  }

  public MemberBuilder withEmail(String value) {
    this.email = value;
    return this;
  }

  public MemberBuilder withStatus(MemberStatus value) {
    this.status = value;
    return this;
  }

  public MemberBuilder joinedOn(LocalDate value) {
    this.joinedOn = value;
    return this;
  }

  /** A past-due balance; {@code pastDueSince} must be set too for a positive amount. */
  public MemberBuilder withBalance(String amount, LocalDate since) {
    this.balance = Money.parse(amount);
    this.pastDueSince = since;
    return this;
  }

  public MemberBuilder withConsent(boolean value) {
    this.smsConsent = value;
    return this;
  }

  public MemberBuilder optedOut() {
    this.optedOut = true;
    return this;
  }

  public MemberBuilder withDoor(DoorAccess value) {
    this.door = value;
    return this;
  }

  public Member build() {
    return new Member(
        new MemberId(id),
        new ClubId(club),
        firstName,
        lastName,
        phone,
        email,
        status,
        joinedOn,
        balance,
        pastDueSince,
        smsConsent,
        optedOut,
        door);
  }
}
