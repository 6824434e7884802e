package com.gymops.config;

import com.gymops.domain.Club;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubPolicy;
import java.util.Map;
import java.util.Objects;

/** One club with its effective rules and workflow schedules (global settings plus overrides). */
public record ClubSettings(
    Club club, ClubPolicy policy, Map<WorkflowId, WorkflowSchedule> workflows) {
  public ClubSettings {
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(policy, "policy");
    workflows = Map.copyOf(workflows);
  }

  public WorkflowSchedule workflow(WorkflowId id) {
    return workflows.get(id);
  }
}
