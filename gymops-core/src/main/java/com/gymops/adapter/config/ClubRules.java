package com.gymops.adapter.config;

import com.gymops.config.WorkflowSchedule;
import com.gymops.domain.WorkflowId;
import com.gymops.policy.ClubPolicy;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The settings a club may override: its rules and its workflow schedules. */
record ClubRules(ClubPolicy policy, Map<WorkflowId, WorkflowSchedule> workflows) {
  static final ClubRules DEFAULTS =
      new ClubRules(
          ClubPolicy.DEFAULTS,
          Arrays.stream(WorkflowId.values())
              .collect(Collectors.toMap(Function.identity(), WorkflowSchedule::defaultFor)));

  ClubRules {
    workflows = Map.copyOf(workflows);
  }
}
