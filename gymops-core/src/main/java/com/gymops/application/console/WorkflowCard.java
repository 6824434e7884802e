package com.gymops.application.console;

import com.gymops.domain.WorkflowId;

/**
 * One workflow of one club on the Today page.
 *
 * @param paused paused by a manager: its scheduled fires are skipped until resumed
 * @param lastStatus the last real run's status ({@code succeeded}...), or null before the first
 * @param successRate7d finished runs that succeeded in the last 7 days, e.g. "12/12"; "-" for none
 */
public record WorkflowCard(
    WorkflowId workflow,
    boolean enabled,
    boolean paused,
    String schedule,
    String lastRunId,
    String lastStatus,
    String lastSummary,
    String lastModeUsed,
    String lastAt,
    String nextAt,
    String successRate7d) {}
