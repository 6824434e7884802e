package com.gymops.application.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gymops.adapter.persistence.Database;
import com.gymops.adapter.persistence.Persistence;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.Stores;
import com.gymops.application.run.ActionExecutor;
import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.Club;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Note;
import com.gymops.domain.NoteCategory;
import com.gymops.domain.NotePriority;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.policy.ClubPolicy;
import com.gymops.policy.MessageTemplates;
import com.gymops.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A club on a real SQLite database, members and history put in by hand, and sessions on it. */
final class ToolClub implements AutoCloseable {
  /** 11:00 in New York: inside the sending window, so locks may be planned. */
  static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Club CLUB =
      new Club(
          new ClubId("main"), "Iron Works", ZoneId.of("America/New_York"), "+14155550000", null);
  static final ObjectMapper JSON = new ObjectMapper();

  final Database database;
  final Stores stores;
  private int keys;

  ToolClub(Path directory) {
    this.database = TestDatabases.embedded(directory);
    this.stores = Persistence.stores(database);
  }

  ToolClub add(Member... members) {
    stores.members().upsertAll(List.of(members), NOW);
    return this;
  }

  /** Reminders that reached the member, {@code daysAgo} each. */
  ToolClub reminded(Member member, int... daysAgo) {
    List<KeyedAttempt> attempts = new ArrayList<>();
    for (int days : daysAgo) {
      attempts.add(
          new KeyedAttempt(
              new CollectionAttempt(
                  member.id(),
                  NOW.minus(Duration.ofDays(days)),
                  AttemptKind.FRIENDLY,
                  Channel.SMS,
                  AttemptOutcome.DELIVERED),
              "test:" + keys++,
              null));
    }
    stores.attempts().addAll(attempts);
    return this;
  }

  ToolClub staffNote(Member member, String text, int daysAgo) {
    stores
        .notes()
        .add(
            new Note(
                member.id(),
                NOW.minus(Duration.ofDays(daysAgo)),
                NotePriority.NORMAL,
                NoteCategory.BILLING,
                text,
                "dana.front-desk"),
            "staff:" + keys++,
            null);
    return this;
  }

  ToolSession session(WorkflowId workflow) {
    MessageTemplates templates = MessageTemplates.defaults();
    String runId = "run-test-" + workflow.id();
    // As the runner does before any effect: each effect's run event refers to its run.
    if (stores.runs().find(runId).isEmpty()) {
      stores
          .runs()
          .start(
              new WorkflowRun(
                  runId,
                  workflow,
                  CLUB.id(),
                  "agent",
                  null,
                  false,
                  RunStatus.RUNNING,
                  NOW,
                  NOW,
                  null,
                  null,
                  null));
    }
    return new ToolSession(
        // The tools' own mechanics: nothing waits for approval (care/GatedApprovalsTest has that).
        com.gymops.testing.Runners.planner(stores, templates)
            .plan(
                runId,
                workflow,
                CLUB,
                ClubPolicy.DEFAULTS.withApprovals(com.gymops.policy.ApprovalGates.NONE),
                NOW),
        new ActionExecutor(stores, templates),
        new MemberRecords(stores.members(), stores.attempts(), stores.notes(), stores.referrals()),
        templates);
  }

  static ObjectNode input(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static MemberId id(Member member) {
    return member.id();
  }

  @Override
  public void close() {
    database.close();
  }
}
