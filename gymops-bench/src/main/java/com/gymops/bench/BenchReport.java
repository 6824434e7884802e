package com.gymops.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One {@code gymops bench}: when, on what, with which settings, and a section per scenario run
 * (null when not asked for).
 *
 * @param notMeasured scenarios of docs/BENCHMARKS.md this build cannot run, and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchReport(
    String startedAt,
    double totalSeconds,
    Machine machine,
    Settings settings,
    RulesFigures rules,
    AgentFigures agent,
    DispatchFigures dispatch,
    StartupFigures startup,
    ConsoleFigures console,
    PaymentFigures payment,
    MessageFigures message,
    List<String> notMeasured) {
  public BenchReport {
    notMeasured = List.copyOf(notMeasured);
  }

  /** The settings as the report shows them. */
  public record Settings(
      int members,
      long seed,
      int warmups,
      int repetitions,
      List<String> scenarios,
      int dispatchMessages,
      int throttledMessages,
      int monthDays,
      List<Integer> monthMembers,
      int rulesClubs,
      String rulesStore) {
    /**
     * @param rulesStore where the rules scenario ran: {@code embedded} or {@code postgresql}
     */
    static Settings of(BenchSettings settings, String rulesStore) {
      return new Settings(
          settings.members(),
          settings.seed(),
          settings.warmups(),
          settings.repetitions(),
          settings.scenarios().stream().sorted().map(Scenario::code).toList(),
          settings.dispatchMessages(),
          settings.throttledMessages(),
          settings.monthDays(),
          settings.monthMembers(),
          settings.clubs(),
          rulesStore);
    }
  }
}
