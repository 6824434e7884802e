package com.gymops.application.console;

/** A run in the Runs feed. */
public record RunRow(
    String runId,
    String workflow,
    String club,
    String status,
    String mode,
    boolean dryRun,
    String at,
    String summary) {}
