package com.gymops.application.console;

import com.gymops.application.care.Actor;
import com.gymops.application.care.Approvals;
import com.gymops.application.care.NotFoundException;
import com.gymops.application.care.NotPermittedException;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Approvals inbox, and the decisions on it, through the {@link Approvals} engine
 * (docs/MANAGER.md): an approved item is executed by the engine through the run pipeline, a denied
 * one never.
 */
public final class ApprovalsQuery {
  /** Decided approvals shown per club; {@code gymops approvals --status all} lists every one. */
  public static final int DECIDED_SHOWN = 50;

  private final GymOpsConfig config;
  private final Approvals approvals;

  public ApprovalsQuery(GymOpsConfig config, Approvals approvals) {
    this.config = config;
    this.approvals = approvals;
  }

  /**
   * The approvals of the user's clubs: pending first (oldest first), then the latest {@link
   * #DECIDED_SHOWN} decided of each club, newest first.
   */
  public List<ApprovalRow> inbox(ConsoleUser user) {
    List<Approval> all = new ArrayList<>();
    for (ClubSettings club : config.clubs()) {
      ClubId id = club.club().id();
      if (user.sees(id)) {
        all.addAll(approvals.inbox(new Actor(user.email(), id), id, DECIDED_SHOWN));
      }
    }
    Comparator<Approval> oldestFirst = Comparator.comparing(Approval::createdAt);
    List<Approval> ordered = new ArrayList<>();
    all.stream()
        .filter(a -> a.status() == Approval.Status.PENDING)
        .sorted(oldestFirst)
        .forEach(ordered::add);
    all.stream()
        .filter(a -> a.status() != Approval.Status.PENDING)
        .sorted(oldestFirst.reversed())
        .forEach(ordered::add);
    return ordered.stream().map(this::row).toList();
  }

  public void approve(ConsoleUser user, String id) {
    approvals.approve(actorFor(user, id), id);
  }

  public void deny(ConsoleUser user, String id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a denial needs a reason");
    }
    approvals.deny(actorFor(user, id), id, reason.strip());
  }

  /** What a decision on one of several selected approvals did. */
  public record Outcome(String id, boolean decided, String message) {}

  /**
   * Approves or denies each selected approval through the same engine call as one by one (each
   * decided, executed and audited on its own): one that is not pending, not found or not the user's
   * to decide is reported, and the others are decided all the same.
   *
   * @throws IllegalArgumentException when none is selected, or a denial has no reason
   */
  public List<Outcome> decideAll(
      ConsoleUser user, List<String> ids, boolean approve, String reason) {
    List<String> selected = ids.stream().filter(id -> !id.isBlank()).distinct().toList();
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("select at least one approval");
    }
    if (!approve && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a denial needs a reason");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (String id : selected) {
      try {
        if (approve) {
          approve(user, id);
        } else {
          deny(user, id, reason);
        }
        outcomes.add(new Outcome(id, true, approve ? "approved" : "denied"));
      } catch (IllegalStateException
          | NotFoundException
          | NotPermittedException
          | ConsoleDenied e) {
        outcomes.add(new Outcome(id, false, e.getMessage()));
      }
    }
    return outcomes;
  }

  private Actor actorFor(ConsoleUser user, String id) {
    ClubId club = approvals.find(Actor.person(user.email()), id).clubId();
    if (!user.sees(club)) {
      // As for an unknown id: another club's approval ids are not confirmed to exist.
      throw new NotFoundException("no approval '" + id + "'");
    }
    return ConsoleActions.actorFor(user, club);
  }

  private ApprovalRow row(Approval a) {
    ZoneId zone = config.club(a.clubId()).map(c -> c.club().zone()).orElse(ZoneId.of("UTC"));
    return new ApprovalRow(
        a.id(),
        a.clubId().value(),
        a.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        a.workflow() == null ? "" : a.workflow().id(),
        a.summary(),
        a.requestedBy(),
        a.runId(),
        Formats.local(a.createdAt(), zone),
        Formats.local(a.expiresAt(), zone),
        a.status().code(),
        a.decidedBy() == null ? "" : a.decidedBy(),
        Formats.local(a.decidedAt(), zone),
        a.reason() == null ? "" : a.reason(),
        a.actions().stream()
            .map(
                x ->
                    new ApprovalRow.Covered(
                        x.memberId() == null ? "" : x.memberId().value(),
                        x.action(),
                        x.detail() == null ? "" : x.detail(),
                        x.text() == null ? "" : x.text()))
            .toList());
  }
}
