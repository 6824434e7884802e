package com.gymops.bench;

import com.gymops.app.GymOpsApp;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunRequest;
import com.gymops.config.ClubSettings;
import com.gymops.domain.Club;
import com.gymops.domain.WorkflowId;
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
    FairFloor.Reads floorReads = null;
    for (int i = 0; i < settings.warmups() + settings.repetitions(); i++) {
      boolean recorded = i >= settings.warmups();
      last = run(template);
      long baseline = baseline(template, last.perClub());
      FloorResult floorResult = floor(template, last.perClub());
      long floor = floorResult.nanos();
      floorReads = floorResult.reads();
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
        club.config().clubs().size(),
        template.members(),
        template.pastDue(),
        WORKFLOWS.stream().map(WorkflowId::id).toList(),
        last.actions(),
        last.outboxRows(),
        last.rows(),
        floorReads,
        run,
        baseline,
        floor,
        Timing.round(run.medianSeconds() / baseline.medianSeconds()),
        Timing.round(run.medianSeconds() / floor.medianSeconds()),
        Math.round(template.members() / run.medianSeconds()),
        runHeap,
        baselineHeap);
  }

  /** What a run wrote in one club: what that club's floor and baseline write. */
  private record ClubRows(Club club, FairFloor.Rows rows) {}

  private record RunResult(
      long nanos,
      int actions,
      int outboxRows,
      FairFloor.Rows rows,
      long peakHeapMb,
      List<ClubRows> perClub) {}

  /**
   * One hourly fire: both workflows for every club, one club after the other, as a node that runs
   * them in turn. Only the runs are timed; the rows each club's runs wrote are counted between
   * them.
   */
  private RunResult run(SeededClubs.Template template) {
    Path copy = clubs.copy(template);
    try (GymOpsApp app = clubs.open(copy)) {
      FairFloor.Rows total = new FairFloor.Rows(0, 0, 0, 0, 0, 0);
      List<ClubRows> perClub = new ArrayList<>();
      long nanos = 0;
      int actions = 0;
      HeapPeak.reset();
      for (ClubSettings each : club.config().clubs()) {
        FairFloor.Rows before = FairFloor.Rows.count(app.database().dataSource());
        long started = System.nanoTime();
        for (WorkflowId workflow : WORKFLOWS) {
          actions +=
              app.runner()
                  .run(new RunRequest(workflow, each.club().id(), RunMode.RULES, false, club.at()))
                  .actions()
                  .size();
        }
        nanos += System.nanoTime() - started;
        FairFloor.Rows rows = FairFloor.Rows.count(app.database().dataSource()).minus(before);
        perClub.add(new ClubRows(each.club(), rows));
        total = total.plus(rows);
      }
      long heap = HeapPeak.megabytes();
      return new RunResult(nanos, actions, (int) total.outbox(), total, heap, perClub);
    } finally {
      clubs.delete(copy);
    }
  }

  private record FloorResult(long nanos, FairFloor.Reads reads) {}

  /** Each club's fair floor for the rows its runs wrote, timed together, and what it read. */
  private FloorResult floor(SeededClubs.Template template, List<ClubRows> perClub) {
    Path copy = clubs.copy(template);
    try (GymOpsApp app = clubs.open(copy)) {
      long nanos = 0;
      long members = 0;
      long attempts = 0;
      for (ClubRows each : perClub) {
        long started = System.nanoTime();
        FairFloor.Reads reads =
            FairFloor.perform(app.database().dataSource(), each.club(), each.rows(), club.at());
        nanos += System.nanoTime() - started;
        members += reads.members();
        attempts += reads.attempts();
      }
      return new FloorResult(nanos, new FairFloor.Reads(members, attempts));
    } finally {
      clubs.delete(copy);
    }
  }

  /** Leaves the heap peak of the baseline for {@link HeapPeak#megabytes}. */
  private long baseline(SeededClubs.Template template, List<ClubRows> perClub) {
    Path copy = clubs.copy(template);
    try (GymOpsApp app = clubs.open(copy)) {
      HeapPeak.reset();
      long nanos = 0;
      for (ClubRows each : perClub) {
        long started = System.nanoTime();
        MinimalEffects.perform(
            app.database().dataSource(), each.club().id(), (int) each.rows().outbox(), club.at());
        nanos += System.nanoTime() - started;
      }
      return nanos;
    } finally {
      clubs.delete(copy);
    }
  }
}
