package com.gymops.adapter.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the stored executions in line with the configuration at startup: adds the missing ones,
 * reschedules those whose schedule, zone or anchor changed, and removes the disabled or removed.
 * Every node does this when it starts; each step is a no-op when another node did it first.
 */
public final class ScheduleReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleReconciler.class);

  private final SchedulerClient client;
  private final RecurringTaskWithPersistentSchedule<ClubWorkflow> task;

  public ScheduleReconciler(
      SchedulerClient client, RecurringTaskWithPersistentSchedule<ClubWorkflow> task) {
    this.client = client;
    this.task = task;
  }

  /** What a reconciliation changed, by instance id. */
  public record Changes(List<String> added, List<String> rescheduled, List<String> removed) {
    public Changes {
      added = List.copyOf(added);
      rescheduled = List.copyOf(rescheduled);
      removed = List.copyOf(removed);
    }
  }

  public Changes reconcile(List<ClubWorkflow> wanted, Instant now) {
    Map<String, ScheduledExecution<ClubWorkflow>> stored = new HashMap<>();
    client.fetchScheduledExecutionsForTask(
        task.getName(),
        ClubWorkflow.class,
        ScheduledExecutionsFilter.all(),
        execution -> stored.put(execution.getTaskInstance().getId(), execution));
    List<String> added = new ArrayList<>();
    List<String> rescheduled = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (ClubWorkflow workflow : wanted) {
      ScheduledExecution<ClubWorkflow> existing = stored.remove(workflow.instanceId());
      if (existing == null) {
        if (client.scheduleIfNotExists(task.schedulableInstance(workflow.instanceId(), workflow))) {
          added.add(workflow.instanceId());
        }
      } else if (!workflow.equals(existing.getData())) {
        Instant next = workflow.getSchedule().nextAfter(now);
        if (existing.isPicked()) {
          LOG.warn(
              "{} is running; its new schedule applies at the next start", workflow.instanceId());
        } else if (client.reschedule(
            TaskInstanceId.of(task.getName(), workflow.instanceId()), next, workflow)) {
          rescheduled.add(workflow.instanceId());
        }
      }
    }
    for (ScheduledExecution<ClubWorkflow> gone : stored.values()) {
      String id = gone.getTaskInstance().getId();
      if (gone.isPicked()) {
        LOG.warn("{} is running; it is removed at the next start", id);
      } else {
        client.cancel(TaskInstanceId.of(task.getName(), id));
        removed.add(id);
      }
    }
    Changes changes = new Changes(added, rescheduled, removed);
    LOG.info(
        "schedule reconciled: {} added, {} rescheduled, {} removed",
        added.size(),
        rescheduled.size(),
        removed.size());
    return changes;
  }
}
