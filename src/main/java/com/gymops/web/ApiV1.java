package com.gymops.web;

import com.gymops.auth.ApiAccess;
import com.gymops.care.Approvals;
import com.gymops.care.CollectionHolds;
import com.gymops.care.ManualActions;
import com.gymops.care.MemberProfiles;
import com.gymops.care.WorkflowPauses;
import com.gymops.workflow.RunHistory;
import java.util.Objects;

/** The engines the JSON API under {@code /api/v1} calls, wired by the composition root. */
public record ApiV1(
    ApiAccess access,
    MemberProfiles profiles,
    ManualActions manual,
    CollectionHolds holds,
    WorkflowPauses pauses,
    RunHistory runs,
    Approvals approvals) {
  public static final String ROOT = "/api/v1";

  public ApiV1 {
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(manual, "manual");
    Objects.requireNonNull(holds, "holds");
    Objects.requireNonNull(pauses, "pauses");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(approvals, "approvals");
  }
}
