package com.gymops.application.port.store;

import com.gymops.domain.MemberId;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunEvent;
import com.gymops.domain.WorkflowRun;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's page in the console, read a page at a time: a run of a 100,000-member club has tens of
 * thousands of actions, and the page shows fifty of them with their members' names and texts. Every
 * read is bounded by the page. Thread-safe.
 */
public interface RunPages {
  /**
   * The run without its report ({@code reportJson} null): a report lists every member the run
   * concerned, megabytes on a large club, and the page needs it once, for its summary.
   */
  Optional<WorkflowRun> run(String runId);

  /** How many actions the run recorded. */
  int actionCount(String runId);

  /** The run's actions in their order, {@code limit} of them after the first {@code offset}. */
  List<RunEvent> actions(String runId, int offset, int limit);

  /**
   * The first and last name of each of these members that exists, as "First Last" (the Outbox's
   * page names its members with it too).
   */
  Map<MemberId, String> names(Collection<MemberId> members);

  /** The texts and emails the run queued for these members, oldest first. */
  List<OutboundMessage> messagesTo(String runId, Collection<MemberId> members);

  /** The texts and emails the run queued for the club's manager (no member), oldest first. */
  List<OutboundMessage> messagesToManager(String runId);
}
