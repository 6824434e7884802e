package com.gymops.application.console;

/** One line of the Audit page. */
public record AuditRow(
    String at,
    String actor,
    String club,
    String action,
    String target,
    String before,
    String after,
    String reason) {}
