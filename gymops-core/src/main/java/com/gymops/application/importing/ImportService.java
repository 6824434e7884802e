package com.gymops.application.importing;

import com.gymops.application.port.store.AttemptStore;
import com.gymops.application.port.store.AttemptStore.KeyedAttempt;
import com.gymops.application.port.store.HoldStore;
import com.gymops.application.port.store.MemberStore;
import com.gymops.application.port.store.PayLinks;
import com.gymops.application.port.store.ProviderBilling;
import com.gymops.application.port.store.Transactor;
import com.gymops.domain.ClubId;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.CollectionHold;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports the club system's CSV exports: all rows or none. Members are upserted by id; attempts are
 * keyed by (member, time, kind, channel), so importing the same history twice adds nothing.
 */
public final class ImportService {
  private final MemberStore members;
  private final AttemptStore attempts;
  private final Transactor transactor;
  private final Set<ClubId> clubs;
  private final Collection<ZoneId> clubZones;
  private final String defaultRegion;
  private final Clock clock;
  private final HoldStore holds;
  private final PayLinks payLinks;
  private final ProviderBilling billing;

  public ImportService(
      MemberStore members,
      AttemptStore attempts,
      Transactor transactor,
      Set<ClubId> clubs,
      Collection<ZoneId> clubZones,
      String defaultRegion,
      Clock clock,
      HoldStore holds,
      PayLinks payLinks) {
    this(
        members,
        attempts,
        transactor,
        clubs,
        clubZones,
        defaultRegion,
        clock,
        holds,
        payLinks,
        null);
  }

  /**
   * @param billing where a file's {@code payment_customer_id}s go, or null when none may be given
   */
  public ImportService(
      MemberStore members,
      AttemptStore attempts,
      Transactor transactor,
      Set<ClubId> clubs,
      Collection<ZoneId> clubZones,
      String defaultRegion,
      Clock clock,
      HoldStore holds,
      PayLinks payLinks,
      ProviderBilling billing) {
    this.billing = billing;
    this.holds = holds;
    this.payLinks = payLinks;
    this.members = members;
    this.attempts = attempts;
    this.transactor = transactor;
    this.clubs = Set.copyOf(clubs);
    this.clubZones = List.copyOf(clubZones);
    this.defaultRegion = defaultRegion;
    this.clock = clock;
  }

  /** Result of an accepted import. */
  public record Imported(int rows, int added) {}

  public Imported importMembers(Path file) {
    return importMembers(file, DateOrder.ISO);
  }

  /** Imports members from a file that writes its dates in {@code dates}. */
  public Imported importMembers(Path file, DateOrder dates) {
    CsvFile.Text csv = read(file);
    ParsedMembers parsed;
    try (Reader in = new StringReader(csv.text())) {
      parsed =
          new MemberCsvParser(clubs, defaultRegion, latestClubDate(), dates)
              .parse(in, csv.delimiter());
    } catch (IOException e) {
      throw new ImportRejectedException(file, "cannot be read: " + e.getMessage());
    }
    if (!parsed.isAccepted()) {
      throw new ImportRejectedException(file, parsed.problems());
    }
    List<Member> rows = parsed.members();
    int added =
        transactor.inTransaction(
            () -> {
              int existing = members.existing(rows.stream().map(Member::id).toList()).size();
              members.upsertAll(rows, clock.instant());
              // In the members' transaction: a file whose hold or link cannot be stored imports
              // nothing.
              Map<MemberId, ClubId> clubOf = new HashMap<>();
              rows.forEach(m -> clubOf.put(m.id(), m.clubId()));
              parsed
                  .holdsUntil()
                  .forEach(
                      (member, until) ->
                          holds.put(
                              new CollectionHold(
                                  member,
                                  clubOf.get(member),
                                  until,
                                  "collections_hold_until in " + file.getFileName(),
                                  "import",
                                  clock.instant(),
                                  null,
                                  null)));
              payLinks.putAll(parsed.payLinks(), clock.instant());
              if (billing != null) {
                billing.putCustomerIds(parsed.customerIds(), clock.instant());
              }
              return rows.size() - existing;
            });
    return new Imported(rows.size(), added);
  }

  public Imported importAttempts(Path file) {
    Set<MemberId> known = new HashSet<>();
    CsvFile.Text csv = read(file);
    ParsedAttempts parsed;
    try (Reader in = new StringReader(csv.text())) {
      parsed =
          new AttemptCsvParser(
                  id -> known.contains(id) || rememberIfStored(id, known), clock.instant())
              .parse(in, csv.delimiter());
    } catch (IOException e) {
      throw new ImportRejectedException(file, "cannot be read: " + e.getMessage());
    }
    if (!parsed.isAccepted()) {
      throw new ImportRejectedException(file, parsed.problems());
    }
    List<KeyedAttempt> keyed = parsed.attempts().stream().map(ImportService::keyed).toList();
    return new Imported(keyed.size(), attempts.addAll(keyed));
  }

  private boolean rememberIfStored(MemberId id, Set<MemberId> known) {
    boolean stored = !members.existing(List.of(id)).isEmpty();
    if (stored) {
      known.add(id);
    }
    return stored;
  }

  private static KeyedAttempt keyed(CollectionAttempt attempt) {
    return new KeyedAttempt(
        attempt,
        "import:"
            + attempt.memberId().value()
            + ":"
            + attempt.attemptedAt()
            + ":"
            + attempt.kind().code()
            + ":"
            + attempt.channel().code(),
        null);
  }

  /**
   * The newest club-local date: a past-due date is only "in the future" if it is for every club.
   */
  private LocalDate latestClubDate() {
    return clubZones.stream()
        .map(zone -> LocalDate.now(clock.withZone(zone)))
        .max(LocalDate::compareTo)
        .orElse(LocalDate.now(clock));
  }

  /** The file's text in the encoding and with the delimiter it was saved with. */
  private static CsvFile.Text read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImportRejectedException(file, "does not exist");
    } catch (IOException e) {
      throw new ImportRejectedException(file, "cannot be read: " + e.getMessage());
    }
    try {
      return CsvFile.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new ImportRejectedException(file, e.getMessage());
    }
  }
}
