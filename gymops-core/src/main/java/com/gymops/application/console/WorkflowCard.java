package com.gymops.application.console;

import com.gymops.domain.WorkflowId;
import java.util.List;

/**
 * One workflow of one club on the Today page, in sentences.
 *
 * @param title the workflow in words ("Payment reminders")
 * @param paused paused by a manager: its scheduled fires are skipped until resumed
 * @param lastStatus the last real run's status ({@code succeeded}...), or null before the first
 * @param lines the last run's figures, a sentence each
 * @param texts what became of the last run's texts ("Its 37 texts: 8 sent, 29 wait for 8:00 am");
 *     empty when it queued none
 * @param failedThisWeek finished runs of the last 7 days that failed or partly failed
 */
public record WorkflowCard(
    WorkflowId workflow,
    String title,
    boolean enabled,
    boolean paused,
    String schedule,
    String lastRunId,
    String lastStatus,
    List<String> lines,
    String texts,
    String lastModeUsed,
    String lastAt,
    String nextAt,
    long failedThisWeek) {}
