package com.gymops.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The six workflows, by the ids used on the command line, in config and in reports. */
public enum WorkflowId {
  DAILY_CAMPAIGNS("daily-campaigns"),
  PAST_DUE_MONITORING("past-due-monitoring"),
  COLLECTIONS_ESCALATION("collections-escalation"),
  COLLECTIONS_REFERRAL("collections-referral"),
  BATCH_INVOICES("batch-invoices"),
  DOOR_ACCESS("door-access");

  private final String id;

  WorkflowId(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static WorkflowId fromId(String id) {
    for (WorkflowId workflow : values()) {
      if (workflow.id.equals(id)) {
        return workflow;
      }
    }
    throw new IllegalArgumentException(
        "unknown workflow '" + id + "'; expected one of " + allIds());
  }

  public static String allIds() {
    return Arrays.stream(values()).map(WorkflowId::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
