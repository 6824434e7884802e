package com.gymops.application.console;

import com.gymops.application.care.Audit;
import com.gymops.application.care.CollectionHolds;
import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.AuditLog;
import com.gymops.application.port.store.ClubSystemLinks;
import com.gymops.application.port.store.ConsoleReads;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.NoteStore;
import com.gymops.application.port.store.Outbox;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ClubId;
import com.gymops.domain.ConsoleUser;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Member search and a member's timeline, limited to the clubs the user sees. */
public final class MembersQuery {
  public static final int SEARCH_LIMIT = 50;

  private final GymOpsConfig config;
  private final ConsoleReads reads;
  private final MemberStore members;
  private final AttemptStore attempts;
  private final Outbox outbox;
  private final NoteStore notes;
  private final AuditLog audit;
  private final CollectionHolds holds;
  private final ClubSystemLinks clubLinks;

  /**
   * @param clubLinks the club system's id, standing and last check-in of each member
   */
  public MembersQuery(
      GymOpsConfig config,
      ConsoleReads reads,
      MemberStore members,
      AttemptStore attempts,
      Outbox outbox,
      NoteStore notes,
      AuditLog audit,
      CollectionHolds holds,
      ClubSystemLinks clubLinks) {
    this.clubLinks = clubLinks;
    this.config = config;
    this.reads = reads;
    this.members = members;
    this.attempts = attempts;
    this.outbox = outbox;
    this.notes = notes;
    this.audit = audit;
    this.holds = holds;
  }

  public List<MemberRow> search(ConsoleUser user, String text) {
    Set<ClubId> clubs =
        config.clubs().stream()
            .map(c -> c.club().id())
            .filter(user::sees)
            .collect(Collectors.toSet());
    return reads.searchMembers(clubs, text, SEARCH_LIMIT).stream()
        .map(
            m ->
                new MemberRow(
                    m.id().value(),
                    m.firstName() + " " + m.lastName(),
                    m.phone() == null ? "" : m.phone(),
                    m.status().name().toLowerCase(Locale.ROOT),
                    ActionWords.dollars(m.pastDue().toString()),
                    door(m.door())))
        .toList();
  }

  public Optional<MemberTimeline> timeline(ConsoleUser user, MemberId id) {
    Optional<Member> found = members.find(id).filter(m -> user.sees(m.clubId()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Member member = found.get();
    ZoneId zone = zoneOf(member.clubId());
    List<Dated> dated = new ArrayList<>();
    List<String> collections = new ArrayList<>();
    reads
        .payments(id)
        .forEach(
            p ->
                dated.add(
                    new Dated(
                        p.paidAt(),
                        "payment",
                        "paid "
                            + ManagerWords.dollars(p.amount())
                            + ": balance "
                            + ManagerWords.dollars(p.before())
                            + " → "
                            + ManagerWords.dollars(p.after()),
                        "")));
    var tries = attempts.ofMember(id);
    if (!tries.isEmpty()) {
      var latest = tries.stream().max(Comparator.comparing(a -> a.attemptedAt())).orElseThrow();
      collections.add(
          ManagerWords.count(tries.size(), "collection attempt", "collection attempts")
              + " (reminders and invoices), the last on "
              + Formats.local(latest.attemptedAt(), zone)
              + " ("
              + lower(latest.kind().name())
              + " reminder by "
              + lower(latest.channel().name())
              + ", "
              + lower(latest.outcome().name())
              + ")");
    }
    tries.forEach(
        a ->
            dated.add(
                new Dated(
                    a.attemptedAt(),
                    "attempt",
                    lower(a.kind().name()) + " reminder by " + lower(a.channel().name()),
                    lower(a.outcome().name()))));
    outbox
        .ofMember(id)
        .forEach(
            m ->
                dated.add(
                    new Dated(
                        m.sentAt() != null ? m.sentAt() : m.notBefore(),
                        "message",
                        lower(m.channel().name()) + ": " + m.body(),
                        lower(m.status().name())
                            + (m.error() == null ? "" : " (" + m.error() + ")"))));
    notes
        .ofMember(id)
        .forEach(
            n ->
                dated.add(
                    new Dated(
                        n.createdAt(),
                        "note",
                        n.text() + " — " + n.author(),
                        lower(n.priority().name()))));
    reads.doorChanges(id).forEach(d -> dated.add(new Dated(d.at(), "door", door(d.door()), "")));
    var referrals = reads.referrals(id);
    referrals.forEach(
        r ->
            collections.add(
                0,
                (r.closedOn() == null
                        ? "Referred to the collections agency on "
                        : "Was referred on ")
                    + r.referredOn()
                    + " with "
                    + ManagerWords.dollars(r.amount())
                    + " owed after "
                    + r.attempts()
                    + " attempts"
                    + (r.closedOn() == null ? "" : "; closed on " + r.closedOn())));
    referrals.forEach(
        r ->
            dated.add(
                new Dated(
                    r.referredOn().atStartOfDay(zone).toInstant(),
                    "referral",
                    "referred to the collections agency with "
                        + ManagerWords.dollars(r.amount())
                        + " after "
                        + r.attempts()
                        + " attempts",
                    r.closedOn() == null ? "open" : "closed " + r.closedOn())));
    audit
        .about(Audit.member(id))
        .forEach(
            a ->
                dated.add(
                    new Dated(
                        a.at(),
                        "action",
                        a.action()
                            + " by "
                            + a.actor()
                            + (a.after() == null ? "" : ": " + a.after())
                            + (a.reason() == null ? "" : " (" + a.reason() + ")"),
                        "")));
    dated.sort(Comparator.comparing(Dated::at).reversed());
    return Optional.of(
        new MemberTimeline(
            member.id().value(),
            member.clubId().value(),
            member.firstName() + " " + member.lastName(),
            member.phone() == null ? "" : member.phone(),
            member.email() == null ? "" : member.email(),
            lower(member.status().name()),
            ManagerWords.dollars(member.pastDue()),
            member.pastDueSince() == null ? "" : member.pastDueSince().toString(),
            door(member.door()),
            member.smsOptedOut(),
            holds
                .standing(member)
                .map(
                    h ->
                        "on hold until "
                            + h.until()
                            + ": "
                            + h.reason()
                            + " ("
                            + h.createdBy()
                            + ")")
                .orElse(null),
            collections,
            dated.stream()
                .map(
                    d ->
                        new MemberTimeline.Entry(
                            Formats.local(d.at(), zone), d.kind(), d.text(), d.status()))
                .toList(),
            clubLinks
                .find(id)
                .map(link -> ClubSystemLine.of(config.clubSystem().system(), link))
                .orElse(null)));
  }

  private ZoneId zoneOf(ClubId club) {
    return config.clubs().stream()
        .filter(c -> c.club().id().equals(club))
        .findFirst()
        .map(c -> c.club().zone())
        .orElse(ZoneId.of("UTC"));
  }

  private static String door(DoorAccess door) {
    return door.lockReason() == null
        ? lower(door.state().name())
        : lower(door.state().name()) + " (" + lower(door.lockReason().name()) + ")";
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private record Dated(Instant at, String kind, String text, String status) {}
}
