package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Members of all clubs, keyed by the club system's member id. Thread-safe. */
public interface MemberStore {
  /** Inserts new members and replaces existing ones (by id), all in one transaction. */
  void upsertAll(List<Member> members, Instant now);

  /**
   * Merges members pulled from the club system, in one transaction: new ones are inserted as given;
   * for existing ones the club system's fields (names, contact, status, join date, balance,
   * consent) are replaced and GymOps' own are kept — the door, the STOP opt-out, and an
   * unusable-number mark while the number stays the same.
   */
  default void mergeFromClubSystem(List<Member> members, Instant now) {
    mergeFromClubSystem(members, List.of(), now);
  }

  /**
   * {@link #mergeFromClubSystem(List, Instant)} with the club system's links of those members (its
   * id, standing, last check-in) in the same transaction: a crash never leaves a pulled member
   * without the id the door's calls need.
   */
  void mergeFromClubSystem(List<Member> members, List<ClubSystemLinks.Link> links, Instant now);

  Optional<Member> find(MemberId id);

  /**
   * The members of {@code ids} that exist, in member id order: a run for a few members reads these.
   */
  List<Member> findAll(Collection<MemberId> ids);

  /** Which of {@code ids} are stored. */
  Set<MemberId> existing(Collection<MemberId> ids);

  List<Member> inClub(ClubId club);

  /** Members of the club whose past-due balance is at least {@code minimum}. */
  List<Member> pastDue(ClubId club, Money minimum);

  /** Members of the club whose door the access rules must look at: past due, or locked. */
  List<Member> pastDueOrLocked(ClubId club);

  long count();

  /** Members whose number on file is {@code phone} (E.164): a family may share one. */
  List<Member> withPhone(String phone);

  /**
   * Up to {@code limit} members of all clubs with an id after {@code after} (null: from the first),
   * in id order: keyset pages, so reading 100,000 members never holds them all.
   */
  List<Member> pageAfter(MemberId after, int limit);

  /** Sets a member's door state; returns false when the member does not exist. */
  boolean setDoor(MemberId id, DoorAccess door, Instant now);

  /** Records a STOP (or START) from the member: no SMS of any kind while opted out. */
  boolean setSmsOptedOut(MemberId id, boolean optedOut, Instant now);

  /**
   * Marks the member's number unusable for texts (the provider called it invalid or not mobile),
   * only while {@code phone} is still the number on file: a newer number is not condemned by a late
   * answer about the old one. Returns whether it was marked.
   */
  boolean setPhoneUnusable(MemberId id, String phone, Instant now);
}
