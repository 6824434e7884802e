package com.gymops.application.console;

import java.util.List;

/**
 * A member's page: who they are and everything GymOps and the club did about them, newest first.
 *
 * @param collections where the member stands with collections, a sentence each: referred to the
 *     agency (when, with how much), the collection attempts made; empty when none
 * @param clubSystem the club system's id, standing and last check-in of the member in one line, or
 *     null for a member it never sent
 */
public record MemberTimeline(
    String memberId,
    String club,
    String name,
    String phone,
    String email,
    String status,
    String balance,
    String pastDueSince,
    String door,
    boolean smsOptedOut,
    String hold,
    List<String> collections,
    List<Entry> entries,
    String clubSystem) {
  /**
   * @param kind payment, attempt, message, note, door, referral or action (a person's, audited)
   */
  public record Entry(String at, String kind, String text, String status) {}
}
