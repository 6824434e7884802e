package com.gymops.adapter.web;

import com.gymops.application.accounts.ApiAccess;
import com.gymops.application.care.Approvals;
import com.gymops.application.care.CollectionHolds;
import com.gymops.application.care.ManualActions;
import com.gymops.application.care.MemberProfiles;
import com.gymops.application.care.WorkflowPauses;
import com.gymops.application.run.RunHistory;
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
