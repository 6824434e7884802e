package com.gymops.application.console;

import com.gymops.domain.ClubId;
import java.util.List;

/** A club's part of the Today page. */
public record ClubToday(
    ClubId club,
    String name,
    String zone,
    List<WorkflowCard> workflows,
    long failedSends24h,
    long pendingApprovals,
    String collectedToday) {}
