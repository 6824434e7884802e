package com.gymops.application.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.gymops.application.care.Actor;
import com.gymops.application.care.Approvals;
import com.gymops.application.care.NotFoundException;
import com.gymops.application.care.NotPermittedException;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.DigestReads;
import com.gymops.application.port.store.DigestReads.ActionCount;
import com.gymops.application.port.store.DigestReads.CoveredRow;
import com.gymops.application.port.store.DigestReads.OutcomeCount;
import com.gymops.config.ClubSettings;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.Approval;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Approvals page as a digest, and the decisions on it, through the {@link Approvals} engine
 * (docs/MANAGER.md, "The console"): each approval counted with aggregate reads (never every covered
 * action, so the page is the same few screens for 400 texts or 40,000), its review list a page at a
 * time, and after a decision what it did, counted from the run that executed it. An approved item
 * is executed by the engine through the run pipeline, a denied one never.
 */
public final class ApprovalsQuery {
  /** Decided approvals shown per club; {@code gymops approvals --status all} lists every one. */
  public static final int DECIDED_SHOWN = 10;

  /** Members named on an approval's digest; the review list has them all. */
  public static final int FIRST_SHOWN = 6;

  /** Members on one page of the review list. */
  public static final int PAGE_SIZE = 50;

  /** A search of the review list longer than this is refused. */
  static final int SEARCH_MAX = 100;

  private static final String DROPPED_PREFIX = "dropped";

  private final GymOpsConfig config;
  private final Approvals approvals;
  private final DigestReads digest;
  private final ConsoleReads reads;
  private final Clock clock;

  /** The skipped members of finished runs, by run id: a finished run's report never changes. */
  private final Map<String, Map<String, Long>> skipped =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Long>> eldest) {
              return size() > 256;
            }
          });

  public ApprovalsQuery(
      GymOpsConfig config,
      Approvals approvals,
      DigestReads digest,
      ConsoleReads reads,
      Clock clock) {
    this.config = config;
    this.approvals = approvals;
    this.digest = digest;
    this.reads = reads;
    this.clock = clock;
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
        all.addAll(approvals.inboxHeaders(new Actor(user.email(), id), id, DECIDED_SHOWN));
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
    return ordered.stream().map(a -> row(a, a.status() == Approval.Status.PENDING)).toList();
  }

  /** The club's pending approvals, counted, without example texts or names (the Today page). */
  public List<ApprovalRow> pending(ConsoleUser user, ClubId club) {
    return approvals.inboxHeaders(new Actor(user.email(), club), club, 0).stream()
        .filter(a -> a.status() == Approval.Status.PENDING)
        .map(a -> row(a, false))
        .toList();
  }

  /**
   * One page of the approval's covered members whose id is {@code search} or whose name contains
   * it, in plan order.
   *
   * @param page 1-based; past the last page, the last
   * @throws NotFoundException when the approval is not in the user's clubs
   * @throws IllegalArgumentException for a search longer than {@value #SEARCH_MAX} characters
   */
  public ApprovalReview review(ConsoleUser user, String id, String search, int page) {
    String query = search == null ? "" : search.strip();
    if (query.length() > SEARCH_MAX) {
      throw new IllegalArgumentException(
          "the search is " + query.length() + " characters; at most " + SEARCH_MAX);
    }
    Approval approval = approvals.header(Actor.person(user.email()), id);
    if (!user.sees(approval.clubId())) {
      throw new NotFoundException("no approval '" + id + "'");
    }
    long matching = digest.countCoveredMembers(id, query);
    int pages = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(1, page), pages);
    List<String> ids = digest.coveredMemberIds(id, query, (shown - 1) * PAGE_SIZE, PAGE_SIZE);
    return new ApprovalReview(
        row(approval, false), query, shown, pages, matching, members(id, ids));
  }

  private List<ApprovalReview.Member> members(String approvalId, List<String> ids) {
    Map<String, List<CoveredRow>> byMember = new LinkedHashMap<>();
    ids.forEach(member -> byMember.put(member, new ArrayList<>()));
    for (CoveredRow row : digest.covered(approvalId, ids)) {
      byMember.computeIfAbsent(row.memberId(), m -> new ArrayList<>()).add(row);
    }
    List<ApprovalReview.Member> members = new ArrayList<>();
    byMember.forEach(
        (member, rows) -> {
          String name = rows.isEmpty() ? "" : rows.get(0).name();
          String what =
              String.join(
                  "; ",
                  rows.stream().map(r -> ManagerWords.action(r.action(), r.detail())).toList());
          String text =
              rows.stream()
                  .map(CoveredRow::text)
                  .filter(t -> t != null && !t.isBlank())
                  .findFirst()
                  .orElse("");
          members.add(new ApprovalReview.Member(member, name, what, text));
        });
    return members;
  }

  public String approve(ConsoleUser user, String id) {
    return approvals.approve(actorFor(user, id), id).note();
  }

  public String deny(ConsoleUser user, String id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a denial needs a reason");
    }
    return approvals.deny(actorFor(user, id), id, reason.strip()).note();
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
    ClubId club = approvals.header(Actor.person(user.email()), id).clubId();
    if (!user.sees(club)) {
      // As for an unknown id: another club's approval ids are not confirmed to exist.
      throw new NotFoundException("no approval '" + id + "'");
    }
    return ConsoleActions.actorFor(user, club);
  }

  /** One kind of covered action, summed over its details unless they tell texts apart. */
  private record Tally(String action, String detail, long count, long members, long cents) {
    Tally plus(ActionCount c) {
      long more = 0;
      if (action.equals("refer_to_collections")) {
        try {
          more = Money.parse(c.detail()).cents() * c.actions();
        } catch (RuntimeException e) {
          more = 0;
        }
      }
      return new Tally(action, detail, count + c.actions(), members + c.members(), cents + more);
    }
  }

  /**
   * An approval's covered actions counted: they never change once it is filed (only their outcomes
   * do, read apart), so they are counted once per approval and kept.
   */
  private record Counted(
      List<ApprovalRow.Group> groups,
      List<ApprovalRow.Group> groupsWithExamples,
      List<ApprovalRow.Named> first,
      long members,
      long texts,
      long locks,
      long referred,
      long cents) {}

  private final Map<String, List<OutcomeCount>> outcomes =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<OutcomeCount>> eldest) {
              return size() > 256;
            }
          });

  private final Map<String, Counted> counted =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counted> eldest) {
              return size() > 256;
            }
          });

  private Counted count(String approvalId) {
    Counted kept = counted.get(approvalId);
    if (kept != null) {
      return kept;
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (ActionCount c : digest.actionCounts(approvalId)) {
      String detail = ManagerWords.detailIsTemplate(c.action()) ? c.detail() : null;
      String key = c.action() + "\u0000" + (detail == null ? "" : detail);
      tallies.put(key, tallies.getOrDefault(key, new Tally(c.action(), detail, 0, 0, 0)).plus(c));
    }
    List<Tally> ordered = new ArrayList<>(tallies.values());
    ordered.sort(Comparator.comparingInt(t -> rank(t.action())));
    List<ApprovalRow.Group> groups = new ArrayList<>();
    List<ApprovalRow.Group> examples = new ArrayList<>();
    long texts = 0;
    long locks = 0;
    long referred = 0;
    long cents = 0;
    for (Tally t : ordered) {
      String line = ManagerWords.actions(t.action(), t.detail(), t.count());
      if (t.action().equals("refer_to_collections")) {
        referred += t.count();
        cents += t.cents();
        line += ", " + ManagerWords.dollars(Money.ofCents(t.cents())) + " in total";
      }
      if (t.action().equals("lock_door")) {
        locks += t.count();
      }
      if (ManagerWords.isText(t.action())) {
        texts += t.count();
      }
      String example =
          ManagerWords.isText(t.action()) || t.action().equals("notify_manager")
              ? digest.exampleText(approvalId, t.action(), t.detail()).orElse("")
              : "";
      groups.add(new ApprovalRow.Group(line, ""));
      examples.add(new ApprovalRow.Group(line, example));
    }
    Counted fresh =
        new Counted(
            List.copyOf(groups),
            List.copyOf(examples),
            named(approvalId, digest.firstMemberIds(approvalId, FIRST_SHOWN)),
            digest.coveredMembers(approvalId),
            texts,
            locks,
            referred,
            cents);
    counted.put(approvalId, fresh);
    return fresh;
  }

  private ApprovalRow row(Approval a, boolean named) {
    ZoneId zone = zone(a.clubId());
    Counted c = count(a.id());
    return new ApprovalRow(
        a.id(),
        a.clubId().value(),
        a.kind().code(),
        ManagerWords.kind(a.kind()),
        ManagerWords.workflow(a.workflow()),
        headline(a, c.members(), c.texts(), c.locks(), c.referred(), c.cents()),
        why(a),
        a.requestedBy(),
        a.runId(),
        Formats.local(a.createdAt(), zone),
        Formats.local(a.expiresAt(), zone),
        a.status().code(),
        a.decidedBy() == null ? "" : a.decidedBy(),
        Formats.local(a.decidedAt(), zone),
        a.reason() == null ? "" : a.reason(),
        c.members(),
        named ? c.groupsWithExamples() : c.groups(),
        named ? c.first() : List.of(),
        result(a, zone));
  }

  private List<ApprovalRow.Named> named(String approvalId, List<String> ids) {
    return members(approvalId, ids).stream()
        .map(m -> new ApprovalRow.Named(m.memberId(), m.name(), m.what()))
        .toList();
  }

  /** Texts first, then what changes a member's account, then notes, then the manager's text. */
  private static int rank(String action) {
    if (ManagerWords.isText(action)) {
      return 0;
    }
    return switch (action) {
      case "refer_to_collections", "lock_door", "unlock_door" -> 1;
      case "add_note" -> 3;
      case "notify_manager" -> 4;
      default -> 2;
    };
  }

  private static String headline(
      Approval a, long members, long texts, long locks, long referred, long cents) {
    String whom = ManagerWords.count(members, "member", "members");
    return switch (a.kind()) {
      case LARGE_CAMPAIGN -> "Send " + ManagerWords.count(texts, "text", "texts") + " to " + whom;
      case REFERRAL_LIST ->
          "Refer "
              + ManagerWords.count(referred, "member", "members")
              + " to the collections agency, "
              + ManagerWords.dollars(Money.ofCents(cents))
              + " in total";
      case LOCKS_OVER_LIMIT, LOCK ->
          "Lock the door of " + ManagerWords.count(locks, "member", "members");
      case AGENT_HOLD -> "Actions for " + whom + ", held for you to decide";
      case REQUEST -> a.summary();
      case MESSAGE -> "Send a one-off text to " + whom;
    };
  }

  private String why(Approval a) {
    return switch (a.kind()) {
      case LARGE_CAMPAIGN ->
          "More than "
              + config.approvals().campaignRecipients()
              + " campaign texts in a day wait for you: read the example texts, then approve.";
      case REFERRAL_LIST ->
          "Nobody is referred and no agency file is written until you approve: check the names"
              + " and amounts.";
      case LOCKS_OVER_LIMIT ->
          "More locks than one run may make at once: check the past-due list is right (a billing"
              + " feed that shows everyone past due is why this stops), then approve.";
      case LOCK -> "Every lock waits for you (approvals.every_lock).";
      case AGENT_HOLD -> "The assistant's reason: " + a.summary();
      case REQUEST ->
          "Asked for by "
              + a.requestedBy()
              + " through Ask GymOps (docs/ASK.md): nothing happens until you approve.";
      case MESSAGE ->
          "Asked for by "
              + a.requestedBy()
              + " through Ask GymOps. Read the example text: it goes only to members who agreed"
              + " to texts and owe nothing, within texting hours, once you approve.";
    };
  }

  /** What the decision did, a sentence a line; empty while pending. */
  private List<String> result(Approval a, ZoneId zone) {
    return switch (a.status()) {
      case PENDING -> List.of();
      case DENIED -> List.of("Nothing was sent or changed.");
      case EXPIRED ->
          List.of(
              "Nobody decided within "
                  + config.approvals().timeout().toHours()
                  + " hours: nothing was sent or changed.");
      case APPROVED -> approvedResult(a, zone);
    };
  }

  private List<String> approvedResult(Approval a, ZoneId zone) {
    if (a.executedAt() == null) {
      return List.of(
          a.kind() == Approval.Kind.LOCKS_OVER_LIMIT || a.kind() == Approval.Kind.LOCK
              ? "Approved: the doors lock when the lock window opens."
              : "Approved: it is being carried out.");
    }
    Instant now = clock.instant();
    List<String> lines = new ArrayList<>();
    TextFigures texts =
        TextFigures.of(
            a.executionRun() == null ? List.of() : digest.messagesOfRun(a.executionRun()), now);
    if (texts.total() > 0) {
      lines.add(
          ManagerWords.count(texts.total(), "text", "texts")
              + " queued: "
              + texts.parts(now, zone)
              + ".");
    }
    long dropped = 0;
    long already = 0;
    long unreachable = 0;
    long failed = 0;
    boolean managerUnreached = false;
    Map<String, Long> done = new LinkedHashMap<>();
    // An executed approval's outcomes never change again: counted once and kept.
    for (OutcomeCount c : outcomes.computeIfAbsent(a.id(), digest::outcomes)) {
      String outcome = c.outcome() == null ? "" : c.outcome();
      if (outcome.equals("done")) {
        done.merge(c.action(), c.count(), Long::sum);
      } else if (outcome.startsWith(DROPPED_PREFIX)) {
        dropped += c.count();
      } else if (outcome.equals("already done")) {
        already += c.count();
      } else if (outcome.equals("undeliverable") && c.action().equals("notify_manager")) {
        managerUnreached = true;
      } else if (outcome.equals("undeliverable")) {
        unreachable += c.count();
      } else if (outcome.startsWith("failed")) {
        failed += c.count();
      }
    }
    done.forEach(
        (action, n) -> {
          String line = doneLine(action, n);
          if (line != null) {
            lines.add(line);
          }
        });
    if (already > 0) {
      lines.add(ManagerWords.count(already, "action was", "actions were") + " done already.");
    }
    if (unreachable > 0) {
      lines.add(
          ManagerWords.count(unreachable, "member has", "members have")
              + " no phone or email that can be used: recorded, not sent.");
    }
    if (managerUnreached) {
      lines.add("The text to you was not sent: the club has no manager phone or email set.");
    }
    if (failed > 0) {
      lines.add(ManagerWords.count(failed, "action", "actions") + " failed: see the run.");
    }
    if (dropped > 0) {
      lines.add(
          "Skipped "
              + ManagerWords.count(dropped, "action", "actions")
              + ": no longer due for the member (paid, put on hold, locked already or opted out"
              + " since).");
    }
    Map<String, Long> left = skippedOf(a.executionRun());
    if (!left.isEmpty()) {
      List<String> parts = new ArrayList<>();
      left.forEach((reason, n) -> parts.add(n + " " + reason));
      lines.add("Left alone: " + String.join(", ", parts) + ".");
    }
    if (lines.isEmpty()) {
      lines.add("Nothing was left to do: every action was done already or no longer due.");
    }
    return lines;
  }

  private static String doneLine(String action, long n) {
    return switch (action) {
      case "send_campaign", "send_message", "send_reminder", "send_invoice", "notify_manager" ->
          null; // counted as texts above, from the outbox
      case "refer_to_collections" ->
          ManagerWords.count(n, "member", "members") + " referred to the collections agency.";
      case "add_note" -> ManagerWords.count(n, "staff note", "staff notes") + " written.";
      case "lock_door" -> ManagerWords.count(n, "door", "doors") + " locked.";
      case "unlock_door" -> ManagerWords.count(n, "door", "doors") + " unlocked.";
      default -> ManagerWords.actions(action, "", n) + " done.";
    };
  }

  /** The members the executing run left alone, by reason, from its report. */
  private Map<String, Long> skippedOf(String runId) {
    if (runId == null) {
      return Map.of();
    }
    return skipped.computeIfAbsent(
        runId,
        id -> {
          Map<String, Long> left = new LinkedHashMap<>();
          reads
              .report(id)
              .ifPresent(
                  json -> {
                    try {
                      JsonNode node = Formats.JSON.readTree(json).path("skipped");
                      node.fields()
                          .forEachRemaining(
                              e -> {
                                if (e.getValue().asLong() > 0) {
                                  left.put(
                                      e.getKey().toLowerCase(Locale.ROOT), e.getValue().asLong());
                                }
                              });
                    } catch (java.io.IOException e) {
                      // an unreadable report says nothing about who was left alone
                    }
                  });
          return left;
        });
  }

  private ZoneId zone(ClubId club) {
    return config.club(club).map(c -> c.club().zone()).orElse(ZoneId.of("UTC"));
  }
}
