package com.gymops.policy;

import com.gymops.domain.Member;
import com.gymops.domain.MemberStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whom a one-off message goes to (docs/ASK.md): the daily campaigns' audiences, by the same
 * definitions (a new member is "green", see {@link DailyCampaignsPolicy#isGreen}). Frozen and
 * cancelled members are no audience, as they are no campaign's.
 */
public enum MessageSegment {
  PROSPECTS("prospects", "prospects"),
  NEW_MEMBERS("new_members", "new members"),
  PPV("ppv", "pay-per-visit members"),
  MEMBERS("members", "active members"),
  EVERYONE("everyone", "prospects, active and pay-per-visit members");

  private final String code;
  private final String words;

  MessageSegment(String code, String words) {
    this.code = code;
    this.words = words;
  }

  /** The segment's name in tools and stored inputs, e.g. {@code new_members}. */
  public String code() {
    return code;
  }

  /** The segment as a manager reads it, e.g. "pay-per-visit members". */
  public String words() {
    return words;
  }

  public boolean contains(Member member, LocalDate today, CampaignRules rules) {
    return switch (this) {
      case PROSPECTS -> member.status() == MemberStatus.PROSPECT;
      case NEW_MEMBERS -> DailyCampaignsPolicy.isGreen(member, today, rules);
      case PPV -> member.status() == MemberStatus.PPV;
      case MEMBERS -> member.status() == MemberStatus.ACTIVE;
      case EVERYONE ->
          switch (member.status()) {
            case PROSPECT, ACTIVE, PPV -> true;
            case FROZEN, CANCELLED -> false;
          };
    };
  }

  /**
   * @throws IllegalArgumentException naming the known segments
   */
  public static MessageSegment fromCode(String code) {
    String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(segment -> segment.code.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown segment '" + code + "'; known segments are " + codes()));
  }

  public static String codes() {
    return Arrays.stream(values()).map(MessageSegment::code).collect(Collectors.joining(", "));
  }
}
