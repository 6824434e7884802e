package com.gymops.application.console;

/** A member in the search results. */
public record MemberRow(
    String memberId, String name, String phone, String status, String balance, String door) {}
