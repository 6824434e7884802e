package com.gymops.application.tools;

/**
 * A tool call the session refused, and why (the report's {@code guard_blocks}).
 *
 * @param memberId the member concerned, or null for a club-level or malformed call
 */
public record GuardBlock(String tool, String memberId, String reason) {}
