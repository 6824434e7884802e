package com.gymops.application.importing;

import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import com.gymops.domain.PayLinkUrl;
import com.gymops.domain.UsState;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a members file ({@code gymops import members}, README's import formats) into members,
 * checking every row and reporting every problem. Pure: it touches no database. Immutable and
 * thread-safe.
 */
public final class MemberCsvParser {
  public static final List<String> COLUMNS =
      List.of(
          "member_id",
          "club_id",
          "first_name",
          "last_name",
          "phone",
          "email",
          "status",
          "joined_on",
          "past_due_amount",
          "past_due_since",
          "sms_consent",
          "opted_out",
          "door_state");

  /** Columns a file may leave out: {@code state}, the US state of the member's address. */
  public static final List<String> OPTIONAL_COLUMNS =
      List.of("state", "collections_hold_until", "pay_link", "payment_customer_id");

  private static final CsvTable TABLE = new CsvTable(COLUMNS, OPTIONAL_COLUMNS);
  private static final CodeTable<MemberStatus> STATUSES =
      CodeTable.of(List.of(MemberStatus.values()), MemberStatus::name);
  private static final CodeTable<DoorAccess> DOOR_STATES =
      CodeTable.of(
          List.of(DoorAccess.OPEN, DoorAccess.LOCKED_FOR_PAYMENT, DoorAccess.LOCKED_OTHER),
          DoorAccess::code);
  private static final CodeTable<Boolean> YES_NO =
      CodeTable.of(
          Map.of(
              "true", true, "yes", true, "y", true, "1", true, "false", false, "no", false, "n",
              false, "0", false),
          "true/false, yes/no, Y/N or 1/0");
  private static final Pattern THOUSANDS = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+");

  private final Map<String, ClubId> knownClubs;
  private final String knownClubList;
  private final PhoneNormalizer phones;
  private final LocalDate today;
  private final DateOrder dates;

  /**
   * @param knownClubs the clubs in the configuration; every row must belong to one of them
   * @param defaultRegion ISO 3166 region, such as {@code US}, for phone numbers written without a
   *     country code
   * @param today the club-local date of the import, which no past-due date may be after
   * @throws IllegalArgumentException when {@code defaultRegion} is not a known region
   */
  public MemberCsvParser(Set<ClubId> knownClubs, String defaultRegion, LocalDate today) {
    this(knownClubs, defaultRegion, today, DateOrder.ISO);
  }

  /**
   * As {@link #MemberCsvParser(Set, String, LocalDate)}, reading dates in {@code dates}.
   *
   * @param dates how the file writes its dates; slash dates are read only in this order
   */
  public MemberCsvParser(
      Set<ClubId> knownClubs, String defaultRegion, LocalDate today, DateOrder dates) {
    Map<String, ClubId> clubs = new TreeMap<>();
    // Matched without case: club systems write NYC01 where the configuration may say nyc01.
    knownClubs.forEach(club -> clubs.put(club.value().toLowerCase(Locale.ROOT), club));
    // Handing out the configured ids skips ClubId's format check, a regex, on every row.
    this.knownClubs = Map.copyOf(clubs);
    this.knownClubList = String.join(", ", clubs.values().stream().map(ClubId::value).toList());
    this.phones = new PhoneNormalizer(Objects.requireNonNull(defaultRegion, "defaultRegion"));
    this.today = Objects.requireNonNull(today, "today");
    this.dates = Objects.requireNonNull(dates, "dates");
  }

  /**
   * Reads a whole members file. The reader is read to the end but not closed.
   *
   * @return every member, or, when any row is bad, no members and every problem found
   */
  public ParsedMembers parse(Reader in) throws IOException {
    return parse(in, ',');
  }

  /** As {@link #parse(Reader)}, with values separated by {@code delimiter}. */
  public ParsedMembers parse(Reader in, char delimiter) throws IOException {
    // Per call, so one parser can read several files, even at once.
    Map<String, Integer> firstLineOfMemberId = new HashMap<>();
    Map<MemberId, LocalDate> holds = new HashMap<>();
    Map<MemberId, String> links = new HashMap<>();
    Map<MemberId, String> customerIds = new HashMap<>();
    Map<String, Integer> firstLineOfCustomerId = new HashMap<>();
    CsvTable.Contents<Member> contents =
        TABLE.read(
            in,
            delimiter,
            row -> {
              Optional<Member> member = toMember(row, firstLineOfMemberId);
              LocalDate holdUntil = holdUntil(row);
              String link = payLink(row);
              String customerId = customerId(row, firstLineOfCustomerId);
              if (row.isRejected() || member.isEmpty()) {
                return Optional.empty();
              }
              if (holdUntil != null) {
                holds.put(member.get().id(), holdUntil);
              }
              if (link != null) {
                links.put(member.get().id(), link);
              }
              if (customerId != null) {
                customerIds.put(member.get().id(), customerId);
              }
              return member;
            });
    if (!contents.problems().isEmpty()) {
      return new ParsedMembers(List.of(), contents.problems());
    }
    return new ParsedMembers(contents.values(), contents.problems(), holds, links, customerIds);
  }

  private Optional<Member> toMember(CsvRow row, Map<String, Integer> firstLineOfMemberId) {
    String id = memberId(row, firstLineOfMemberId);
    ClubId club = club(row);
    String firstName = row.value("first_name");
    if (firstName.isEmpty()) {
      row.reject("first_name", "a first name is required");
    }
    MemberValidator.nameProblem("first name", firstName)
        .ifPresent(problem -> row.reject("first_name", problem));
    String lastName = row.value("last_name");
    MemberValidator.nameProblem("last name", lastName)
        .ifPresent(problem -> row.reject("last_name", problem));
    String phone = phone(row);
    String email = email(row);
    MemberStatus status = status(row);
    LocalDate joinedOn = optionalDate(row, "joined_on");
    Money pastDue = pastDueAmount(row);
    LocalDate pastDueSince = pastDueSince(row, pastDue);
    boolean smsConsent = yesNo(row, "sms_consent");
    boolean optedOut = yesNo(row, "opted_out");
    DoorAccess door = doorState(row);
    UsState state = state(row);
    if (row.isRejected()) {
      return Optional.empty();
    }
    return Optional.of(
        new Member(
            new MemberId(id),
            club,
            firstName,
            lastName,
            phone,
            email,
            status,
            joinedOn,
            pastDue,
            pastDueSince,
            smsConsent,
            optedOut,
            door,
            false,
            state));
  }

  /** A payment plan's end: collections resume on that club-local day (docs/MANAGER.md). */
  private LocalDate holdUntil(CsvRow row) {
    String text = row.optionalValue("collections_hold_until");
    if (text.isEmpty()) {
      return null;
    }
    LocalDate until = dates.read(text);
    if (until == null) {
      row.reject("collections_hold_until", dates.problem(text));
    }
    return until;
  }

  /**
   * The member's customer id at the payment provider: checked by {@link MemberValidator}, and one
   * customer per member in a file, since a provider's payment must let in exactly one member.
   */
  private static String customerId(CsvRow row, Map<String, Integer> firstLineOfCustomerId) {
    String text = row.optionalValue("payment_customer_id");
    if (text.isEmpty()) {
      return null;
    }
    Optional<String> problem = MemberValidator.customerIdProblem(text);
    if (problem.isPresent()) {
      row.reject("payment_customer_id", problem.get());
      return null;
    }
    Integer first = firstLineOfCustomerId.putIfAbsent(text, row.line());
    if (first != null) {
      row.reject(
          "payment_customer_id",
          "payment customer id '"
              + text
              + "' is also on line "
              + first
              + ": a provider's payment must let in one member");
      return null;
    }
    return text;
  }

  private static String payLink(CsvRow row) {
    String text = row.optionalValue("pay_link");
    if (text.isEmpty()) {
      return null;
    }
    try {
      PayLinkUrl.check(text, text);
      return text;
    } catch (IllegalArgumentException e) {
      row.reject("pay_link", e.getMessage());
      return null;
    }
  }

  private static UsState state(CsvRow row) {
    String text = row.optionalValue("state");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return UsState.parse(text);
    } catch (IllegalArgumentException e) {
      row.reject("state", e.getMessage());
      return null;
    }
  }

  private static String memberId(CsvRow row, Map<String, Integer> firstLineOfMemberId) {
    String id = row.value("member_id");
    Optional<String> problem = MemberValidator.idProblem(id);
    if (problem.isPresent()) {
      row.reject("member_id", problem.get());
    } else {
      Integer firstLine = firstLineOfMemberId.putIfAbsent(id, row.line());
      if (firstLine != null) {
        row.reject("member_id", "member id " + id + " already appears on line " + firstLine);
      }
    }
    return id;
  }

  private ClubId club(CsvRow row) {
    String text = row.value("club_id");
    ClubId club = knownClubs.get(text.toLowerCase(Locale.ROOT));
    if (club == null) {
      String problem = text.isEmpty() ? "a club id is required" : "unknown club '" + text + "'";
      row.reject("club_id", problem + "; known clubs: " + knownClubList);
    }
    return club;
  }

  private String phone(CsvRow row) {
    String text = row.value("phone");
    if (text.isEmpty()) {
      return null;
    }
    Optional<String> extension = phones.extension(text);
    if (extension.isPresent()) {
      // Kept or refused, never dropped: a text cannot reach an extension, and dropping it would
      // text whoever answers the main line.
      row.reject(
          "phone",
          "'"
              + text
              + "' has an extension ("
              + extension.get()
              + "); a text cannot reach an extension: give the member's own mobile number");
      return null;
    }
    Optional<String> e164 = phones.toE164(text);
    if (e164.isEmpty()) {
      row.reject("phone", "'" + text + "' is not a valid phone number");
      return null;
    }
    return e164.get();
  }

  private static String email(CsvRow row) {
    String text = row.value("email");
    if (text.isEmpty()) {
      return null;
    }
    Optional<String> problem = MemberValidator.emailProblem(text);
    if (problem.isPresent()) {
      row.reject("email", problem.get());
      return null;
    }
    return text;
  }

  private static MemberStatus status(CsvRow row) {
    String text = row.value("status");
    if (text.isEmpty()) {
      row.reject("status", "a status is required: one of " + STATUSES.expected());
      return null;
    }
    Optional<MemberStatus> status = STATUSES.find(text);
    if (status.isEmpty()) {
      row.reject("status", "'" + text + "' is not one of " + STATUSES.expected());
      return null;
    }
    return status.get();
  }

  private LocalDate optionalDate(CsvRow row, String column) {
    String text = row.value(column);
    if (text.isEmpty()) {
      return null;
    }
    LocalDate date = dates.read(text);
    if (date == null) {
      row.reject(column, dates.problem(text));
    }
    return date;
  }

  /** The amount, zero when empty, or {@code null} when it is unreadable. */
  private static Money pastDueAmount(CsvRow row) {
    String text = row.value("past_due_amount");
    if (text.isEmpty()) {
      return Money.ZERO;
    }
    String plain = withoutDollarsAndThousands(text);
    if (plain == null) {
      // 49,99 is 49.99 in much of Europe and 4999 with the comma dropped: refused, never guessed.
      row.reject(
          "past_due_amount",
          "'"
              + text
              + "' has a comma that does not separate thousands; amounts are US dollars, like"
              + " 1,200.00 or 49.99, with a point before the cents");
      return null;
    }
    // BigDecimal, behind Money.parse, would also take "1e3" and "+5", which no export writes.
    if (!isPlainDecimal(plain)) {
      row.reject("past_due_amount", "'" + text + "' is not an amount like 49.99");
      return null;
    }
    try {
      return Money.parse(plain);
    } catch (IllegalArgumentException e) {
      row.reject("past_due_amount", e.getMessage());
    } catch (ArithmeticException e) {
      row.reject("past_due_amount", "amount " + text + " is too large");
    }
    return null;
  }

  /**
   * {@code text} without a leading {@code $} and without commas between groups of three digits
   * ({@code -$1,200.00} is {@code -1200.00}), or {@code null} when a comma is anywhere else.
   */
  private static String withoutDollarsAndThousands(String text) {
    int sign = text.startsWith("-") ? 1 : 0;
    String unsigned = text.startsWith("$", sign) ? text.substring(sign + 1) : text.substring(sign);
    if (unsigned.indexOf(',') < 0) {
      return text.substring(0, sign) + unsigned;
    }
    int point = unsigned.indexOf('.');
    String whole = point < 0 ? unsigned : unsigned.substring(0, point);
    if (unsigned.indexOf(',', whole.length()) >= 0 || !THOUSANDS.matcher(whole).matches()) {
      return null;
    }
    return text.substring(0, sign) + unsigned.replace(",", "");
  }

  private static boolean isPlainDecimal(String text) {
    if (text.isEmpty()) {
      return false;
    }
    int start = text.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  /** The first day of the delinquency: required with a balance, and meaningless without one. */
  private LocalDate pastDueSince(CsvRow row, Money pastDue) {
    String text = row.value("past_due_since");
    if (pastDue == null) {
      // The amount is already reported; check the date on its own rather than guess the pairing.
      return text.isEmpty() ? null : notInFuture(row, optionalDate(row, "past_due_since"));
    }
    if (!pastDue.isPositive()) {
      if (!text.isEmpty()) {
        row.reject("past_due_since", "past_due_since given but past_due_amount is 0");
      }
      return null;
    }
    if (text.isEmpty()) {
      row.reject(
          "past_due_since",
          "required when past_due_amount is above 0: the first day the balance was past due");
      return null;
    }
    return notInFuture(row, optionalDate(row, "past_due_since"));
  }

  private LocalDate notInFuture(CsvRow row, LocalDate since) {
    if (since != null && since.isAfter(today)) {
      row.reject("past_due_since", since + " is after the import date, " + today);
      return null;
    }
    return since;
  }

  private static boolean yesNo(CsvRow row, String column) {
    String text = row.value(column);
    if (text.isEmpty()) {
      return false;
    }
    Optional<Boolean> value = YES_NO.find(text);
    if (value.isEmpty()) {
      row.reject(column, "'" + text + "' is not " + YES_NO.expected());
      return false;
    }
    return value.get();
  }

  private static DoorAccess doorState(CsvRow row) {
    String text = row.value("door_state");
    if (text.isEmpty()) {
      return DoorAccess.OPEN;
    }
    Optional<DoorAccess> door = DOOR_STATES.find(text);
    if (door.isEmpty()) {
      row.reject("door_state", "'" + text + "' is not one of " + DOOR_STATES.expected());
      return null;
    }
    return door.get();
  }
}
