package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.domain.WorkflowId;
import com.gymops.workflow.RunMode;
import com.gymops.workflow.RunRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * door-access and past-due-monitoring by the rules, executing, for every member of a demo club,
 * against the least work their effects need; each repetition on a fresh copy of the database, the
 * run and its baseline one after the other so that the machine's noise touches both alike.
 */
final class RulesScenario {
  /** Access first, as the demo and the hourly schedule do: unlocks must not wait. */
  static final List<WorkflowId> WORKFLOWS =
      List.of(WorkflowId.DOOR_ACCESS, WorkflowId.PAST_DUE_MONITORING);

  private final BenchClub club;
  private final ClubCopies clubs;
  private final Consumer<String> progress;

  RulesScenario(BenchClub club, ClubCopies clubs, Consumer<String> progress) {
    this.club = club;
    this.clubs = clubs;
    this.progress = progress;
  }

  RulesFigures measure(BenchSettings settings) {
    SeededClubs.Template template = clubs.template(settings.members());
    List<Long> runs = new ArrayList<>();
    List<Long> baselines = new ArrayList<>();
    List<Long> floors = new ArrayList<>();
    long runHeap = 0;
    long baselineHeap = 0;
    RunResult last = null;
    for (int i = 0; i < settings.warmups() + settings.repetitions(); i++) {
      boolean recorded = i >= settings.warmups();
      last = run(template);
      long baseline = baseline(template, last.outboxRows());
      long floor = floor(template, last.rows());
      progress.accept(
          String.format(
              "rules %s %d/%d: run %.2f s, baseline %.2f s, fair floor %.2f s",
              recorded ? "repetition" : "warm-up",
              recorded ? i - settings.warmups() + 1 : i + 1,
              recorded ? settings.repetitions() : settings.warmups(),
              last.nanos() / 1e9,
              baseline / 1e9,
              floor / 1e9));
      if (recorded) {
        runs.add(last.nanos());
        baselines.add(baseline);
        floors.add(floor);
        runHeap = Math.max(runHeap, last.peakHeapMb());
        baselineHeap = Math.max(baselineHeap, HeapPeak.megabytes());
      }
    }
    Timing run = Timing.ofNanos(runs);
    Timing baseline = Timing.ofNanos(baselines);
    Timing floor = Timing.ofNanos(floors);
    return new RulesFigures(
        template.members(),
        template.pastDue(),
        WORKFLOWS.stream().map(WorkflowId::id).toList(),
        last.actions(),
        last.outboxRows(),
        last.rows(),
        run,
        baseline,
        floor,
        Timing.round(run.medianSeconds() / baseline.medianSeconds()),
        Timing.round(run.medianSeconds() / floor.medianSeconds()),
        Math.round(template.members() / run.medianSeconds()),
        runHeap,
        baselineHeap);
  }

  private record RunResult(
      long nanos, int actions, int outboxRows, FairFloor.Rows rows, long peakHeapMb) {}

  private RunResult run(SeededClubs.Template template) {
    Path copy = clubs.copy(template);
    try (GymOpsApp app = clubs.open(copy)) {
      FairFloor.Rows before = FairFloor.Rows.count(app.database().dataSource());
      HeapPeak.reset();
      long started = System.nanoTime();
      int actions = 0;
      for (WorkflowId workflow : WORKFLOWS) {
        actions +=
            app.runner()
                .run(new RunRequest(workflow, club.club().id(), RunMode.RULES, false, club.at()))
                .actions()
                .size();
      }
      long nanos = System.nanoTime() - started;
      long heap = HeapPeak.megabytes();
      int outboxRows =
          app.stores().outbox().countByStatus().values().stream().mapToInt(Long::intValue).sum();
      FairFloor.Rows rows = FairFloor.Rows.count(app.database().dataSource()).minus(before);
      return new RunResult(nanos, actions, outboxRows, rows, heap);
    } finally {
      clubs.delete(copy);
    }
  }

  private long floor(SeededClubs.Template template, FairFloor.Rows rows) {
    Path copy = clubs.copy(template);
    try (GymOpsApp app = clubs.open(copy)) {
      long started = System.nanoTime();
      FairFloor.perform(app.database().dataSource(), club.club().id(), rows, club.at());
      return System.nanoTime() - started;
    } finally {
      clubs.delete(copy);
    }
  }

  /** Leaves the heap peak of the baseline for {@link HeapPeak#megabytes}. */
  private long baseline(SeededClubs.Template template, int outboxRows) {
    Path copy = clubs.copy(template);
    try (GymOpsApp app = clubs.open(copy)) {
      HeapPeak.reset();
      long started = System.nanoTime();
      MinimalEffects.perform(app.database().dataSource(), club.club().id(), outboxRows, club.at());
      return System.nanoTime() - started;
    } finally {
      clubs.delete(copy);
    }
  }
}
