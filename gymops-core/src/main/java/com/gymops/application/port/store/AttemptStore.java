package com.gymops.application.port.store;

import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The log of collection attempts (reminders and invoices). Thread-safe. */
public interface AttemptStore {
  /**
   * Adds attempts whose key is not yet stored; returns how many were new. Keys make a re-import of
   * the same history, or a rerun of a workflow, add nothing.
   */
  int addAll(List<KeyedAttempt> attempts);

  /** Attempts of every member of the club at or after {@code since}, by member, oldest first. */
  Map<MemberId, List<CollectionAttempt>> inClubSince(ClubId club, Instant since);

  /**
   * Attempts at or after {@code since} of the club's members who owe at least {@code minimum}: the
   * history a collections policy reads, without that of the members it never looks at.
   */
  Map<MemberId, List<CollectionAttempt>> ofPastDueInClubSince(
      ClubId club, com.gymops.domain.Money minimum, Instant since);

  List<CollectionAttempt> ofMember(MemberId member);

  /** The attempts of {@code members} since {@code since}, per member in time order. */
  Map<MemberId, List<CollectionAttempt>> ofMembersSince(
      Collection<MemberId> members, Instant since);

  /** Sets the outcome of the attempt with this key (delivery news); false when there is none. */
  boolean setOutcome(String idempotencyKey, com.gymops.domain.AttemptOutcome outcome);

  /**
   * Removes the attempt of a text that never left and whose words went stale, so that neither the
   * reminder interval nor the failed-reminder count takes it into account; false when none had the
   * key.
   */
  boolean discard(String idempotencyKey);

  long count();

  /** An attempt with the idempotency key that makes it unique, and the run that made it. */
  record KeyedAttempt(CollectionAttempt attempt, String idempotencyKey, String runId) {}
}
