package com.gymops.policy;

import com.gymops.app.demo.DemoClubGenerator;
import com.gymops.app.demo.DemoData;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.MemberId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two hourly policies alone, without a database: members planned per second over a snapshot of
 * a 100,000-member demo club (the scores are per member: one invocation plans them all). Not a
 * test; docs/BENCHMARKS.md says how to run it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {
  static final int MEMBERS = 100_000;
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private ClubSnapshot snapshot;
  private Clock clock;
  private final PastDueMonitoringPolicy pastDue = new PastDueMonitoringPolicy();
  private final DoorAccessPolicy doorAccess = new DoorAccessPolicy();

  @Setup
  public void buildSnapshot() {
    Club club = new Club(new ClubId("main"), "Bench Club", ZONE, "+12015550100", null);
    DemoData data = new DemoClubGenerator(TODAY, ZONE).generate(club.id(), MEMBERS, 2026);
    Map<MemberId, List<CollectionAttempt>> attempts = new HashMap<>();
    for (CollectionAttempt attempt : data.attempts()) {
      attempts.computeIfAbsent(attempt.memberId(), id -> new ArrayList<>()).add(attempt);
    }
    List<MemberSnapshot> members = new ArrayList<>(MEMBERS);
    data.members()
        .forEach(
            member ->
                members.add(
                    new MemberSnapshot(
                        member,
                        attempts.getOrDefault(member.id(), List.of()),
                        MarketingHistory.NONE,
                        Optional.empty(),
                        Optional.empty())));
    snapshot = new ClubSnapshot(club, ClubPolicy.DEFAULTS, members);
    clock = Clock.fixed(TODAY.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant(), ZONE);
  }

  @Benchmark
  @OperationsPerInvocation(MEMBERS)
  public Plan pastDueMonitoring() {
    return pastDue.plan(snapshot, clock);
  }

  @Benchmark
  @OperationsPerInvocation(MEMBERS)
  public Plan doorAccess() {
    return doorAccess.plan(snapshot, clock);
  }
}
