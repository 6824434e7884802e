package com.gymops.application.console;

import com.gymops.domain.ClubId;
import java.util.List;

/**
 * A club's part of the Today page.
 *
 * @param pending the approvals waiting for the manager, first on the page
 * @param collectedToday dollars received since the club's midnight, e.g. "$1,240.00"
 */
public record ClubToday(
    ClubId club,
    String name,
    String zone,
    List<ApprovalRow> pending,
    List<WorkflowCard> workflows,
    long failedSends24h,
    String collectedToday) {}
