package com.gymops.application.importing;

import static com.gymops.application.importing.MemberRow.aRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.domain.ClubId;
import com.gymops.domain.DoorAccess;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.MemberStatus;
import com.gymops.domain.Money;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberCsvParserTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

  private final MemberCsvParser parser =
      new MemberCsvParser(Set.of(new ClubId("main"), new ClubId("downtown")), "US", TODAY);

  @Test
  void reads_every_column_of_a_valid_row() throws IOException {
    ParsedMembers parsed =
        parse(
            MemberRow.file(
                aRow()
                    .withId("m-42")
                    .with("club_id", "downtown")
                    .with("status", "PPV")
                    .with("past_due_amount", "49.99")
                    .with("past_due_since", "2026-10-01")
                    .with("sms_consent", "true")
                    .with("opted_out", "false")
                    .with("door_state", "LOCKED_PAYMENT")));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.isAccepted()).isTrue();
    assertThat(parsed.members())
        .containsExactly(
            new Member(
                new MemberId("m-42"),
                new ClubId("downtown"),
                "Ana",
                "Lopez",
                "+14155552671",
                "ana@example.com",
                MemberStatus.PPV,
                LocalDate.of(2026, 1, 15),
                Money.parse("49.99"),
                LocalDate.of(2026, 10, 1),
                true,
                false,
                DoorAccess.LOCKED_FOR_PAYMENT));
  }

  @Test
  void accepts_columns_in_any_order() throws IOException {
    String csv =
        "door_state,opted_out,sms_consent,past_due_since,past_due_amount,joined_on,status,email,"
            + "phone,last_name,first_name,club_id,member_id\n"
            + ",no,yes,,,,FROZEN,,,Lopez,Ana,main,m-1\n";

    Member member = onlyMember(csv);

    assertThat(member.id()).isEqualTo(new MemberId("m-1"));
    assertThat(member.firstName()).isEqualTo("Ana");
    assertThat(member.status()).isEqualTo(MemberStatus.FROZEN);
    assertThat(member.smsConsent()).isTrue();
  }

  @Test
  void accepts_header_names_in_any_case_with_blanks_around_them() throws IOException {
    String csv = MemberRow.HEADER.toUpperCase().replace(",", " , ") + "\n" + aRow().csv() + "\n";

    assertThat(parse(csv).problems()).isEmpty();
  }

  // --- header and file shape

  @Test
  void reports_missing_columns_on_line_one() throws IOException {
    String csv = MemberRow.HEADER.replace(",email", "").replace(",door_state", "") + "\n";

    assertThat(problems(csv))
        .containsExactly(
            "line 1: missing column(s) email, door_state; expected "
                + MemberRow.HEADER
                + " (optional: state, collections_hold_until, pay_link,"
                + " payment_customer_id)");
  }

  @Test
  void reports_unknown_columns_on_line_one() throws IOException {
    String csv = MemberRow.HEADER + ",balance,Notes\n";

    assertThat(problems(csv))
        .containsExactly(
            "line 1: unknown column(s) 'balance', 'Notes'; expected "
                + MemberRow.HEADER
                + " (optional: state, collections_hold_until, pay_link,"
                + " payment_customer_id)");
  }

  @Test
  void reports_a_column_that_appears_twice() throws IOException {
    String csv = MemberRow.HEADER + ",phone\n";

    assertThat(problems(csv)).containsExactly("line 1: column(s) phone appear twice");
  }

  @Test
  void reads_no_rows_when_the_header_is_wrong() throws IOException {
    String csv = "member_id,club\n" + aRow().csv() + "\n";

    assertThat(problems(csv)).allMatch(problem -> problem.startsWith("line 1: "));
  }

  @Test
  void reports_an_empty_file() throws IOException {
    assertThat(problems(""))
        .containsExactly(
            "line 1: the file is empty; the first line must be the header "
                + MemberRow.HEADER
                + " (optional: state, collections_hold_until, pay_link,"
                + " payment_customer_id)");
  }

  @Test
  void accepts_a_file_with_only_a_header_as_no_members() throws IOException {
    ParsedMembers parsed = parse(MemberRow.HEADER + "\n");

    assertThat(parsed.isAccepted()).isTrue();
    assertThat(parsed.members()).isEmpty();
  }

  @Test
  void rejects_a_row_with_too_few_values() throws IOException {
    String csv = MemberRow.fileOfLines(List.of(MemberRow.HEADER, "m-1,main,Ana"));

    assertThat(problems(csv))
        .containsExactly(
            "line 2: expected 13 values but found 3; check for a missing or extra comma, or a"
                + " value with a comma that needs quotes");
  }

  @Test
  void rejects_a_row_with_too_many_values() throws IOException {
    String csv = MemberRow.fileOfLines(List.of(MemberRow.HEADER, aRow().csv() + ",extra"));

    assertThat(problems(csv))
        .singleElement()
        .asString()
        .startsWith("line 2: expected 13 values but found 14");
  }

  @Test
  void rejects_a_row_whose_quote_is_never_closed() throws IOException {
    String csv = MemberRow.HEADER + "\n" + aRow().csv().replace("Lopez", "\"Lopez") + "\n";

    assertThat(problems(csv))
        .containsExactly("line 2: a quoted value opened on line 2 is never closed");
  }

  // --- quoting, BOM and line endings through the whole parser

  @Test
  void reads_quoted_values_with_commas_and_line_breaks_and_numbers_later_lines_physically()
      throws IOException {
    String csv =
        MemberRow.file(
            aRow().withId("m-1").with("last_name", "Lopez, Jr."),
            aRow().withId("m-2").with("first_name", "Ana\nMaria"),
            aRow().withId("m-3").with("status", "nope"));

    ParsedMembers parsed = parse(csv);

    assertThat(parsed.problems())
        .extracting(ImportProblem::toString)
        .containsExactly(
            "line 5, column status: 'nope' is not one of PROSPECT, ACTIVE, PPV, FROZEN, CANCELLED");
  }

  @Test
  void keeps_a_comma_and_a_line_break_inside_quoted_names() throws IOException {
    ParsedMembers parsed =
        parse(
            MemberRow.file(
                aRow().withId("m-1").with("last_name", "Lopez, Jr."),
                aRow().withId("m-2").with("first_name", "Ana\nMaria")));

    assertThat(parsed.members())
        .extracting(Member::fullName)
        .containsExactly("Ana Lopez, Jr.", "Ana\nMaria Lopez");
  }

  @Test
  void reads_a_file_with_a_byte_order_mark_and_crlf_line_endings() throws IOException {
    String csv =
        "\uFEFF"
            + MemberRow.HEADER
            + "\r\n"
            + aRow().withId("m-1").csv()
            + "\r\n"
            + aRow().withId("m-2").with("opted_out", "maybe").csv()
            + "\r\n";

    assertThat(problems(csv))
        .containsExactly("line 3, column opted_out: 'maybe' is not true/false, yes/no, Y/N or 1/0");
  }

  @Test
  void reads_a_file_with_a_byte_order_mark_and_crlf_line_endings_into_members() throws IOException {
    String csv =
        "\uFEFF" + MemberRow.HEADER + "\r\n" + aRow().with("door_state", "ACTIVE").csv() + "\r\n";

    Member member = onlyMember(csv);

    assertThat(member.id()).isEqualTo(new MemberId("m-1"));
    assertThat(member.door()).isEqualTo(DoorAccess.OPEN);
  }

  // --- whole-file rejection

  @Test
  void reports_exactly_three_problems_for_three_bad_rows_naming_lines_and_columns()
      throws IOException {
    String csv =
        MemberRow.file(
            aRow().withId("m-1"),
            aRow().withId("m-2").with("club_id", "uptown"),
            aRow().withId("m-3"),
            aRow().withId("m-4").with("past_due_amount", "12.345"),
            aRow().withId("m-5").with("email", "ana at example.com"));

    assertThat(problems(csv))
        .containsExactly(
            "line 3, column club_id: unknown club 'uptown'; known clubs: downtown, main",
            "line 5, column past_due_amount: amount 12.345 has more than two decimals",
            "line 6, column email: 'ana at example.com' is not an email address");
  }

  @Test
  void imports_no_member_when_any_row_is_bad() throws IOException {
    ParsedMembers parsed =
        parse(MemberRow.file(aRow().withId("m-1"), aRow().withId("m-2").with("status", "")));

    assertThat(parsed.isAccepted()).isFalse();
    assertThat(parsed.members()).isEmpty();
  }

  @Test
  void reports_every_problem_in_one_row() throws IOException {
    String csv = MemberRow.file(aRow().with("first_name", " ").with("phone", "555"));

    assertThat(problems(csv))
        .containsExactly(
            "line 2, column first_name: a first name is required",
            "line 2, column phone: '555' is not a valid phone number");
  }

  // --- member_id

  @Test
  void rejects_a_blank_member_id() throws IOException {
    assertThat(problems(MemberRow.file(aRow().withId("  "))))
        .containsExactly("line 2, column member_id: a member id is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q/../../clubs/north/workflows/door-access/pause?",
        "a/b",
        "a?b",
        "a%2Fb",
        "a#b",
        "..",
        "-m1",
        "ana@example"
      })
  void rejects_a_member_id_outside_letters_digits_dot_dash_and_underscore(String id)
      throws IOException {
    assertThat(problems(MemberRow.file(aRow().withId(id))))
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem)
                    .startsWith("line 2, column member_id: member id '" + id + "' may hold only"));
  }

  @Test
  void rejects_an_email_address_with_a_line_break_or_control_character() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("email", "ana@example.com\u0007x"))))
        .singleElement()
        .satisfies(problem -> assertThat(problem).contains("is not an email address"));
  }

  @Test
  void rejects_a_member_id_longer_than_64_characters() throws IOException {
    assertThat(problems(MemberRow.file(aRow().withId("x".repeat(65)))))
        .containsExactly(
            "line 2, column member_id: member id is 65 characters long; at most 64 are allowed");
  }

  @Test
  void accepts_a_member_id_of_exactly_64_characters() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().withId("x".repeat(64)))).id().value()).hasSize(64);
  }

  @Test
  void rejects_a_member_id_that_repeats_within_the_file() throws IOException {
    String csv = MemberRow.file(aRow().withId("m-1"), aRow().withId("m-2"), aRow().withId("m-1"));

    assertThat(problems(csv))
        .containsExactly("line 4, column member_id: member id m-1 already appears on line 2");
  }

  @Test
  void trims_blanks_around_the_member_id() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().withId(" m-7 "))).id())
        .isEqualTo(new MemberId("m-7"));
  }

  // --- club_id

  @Test
  void rejects_an_unknown_club_and_lists_the_known_ones() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("club_id", "uptown"))))
        .containsExactly(
            "line 2, column club_id: unknown club 'uptown'; known clubs: downtown, main");
  }

  @Test
  void rejects_a_missing_club_and_lists_the_known_ones() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("club_id", ""))))
        .containsExactly(
            "line 2, column club_id: a club id is required; known clubs: downtown, main");
  }

  @Test
  void rejects_a_club_id_that_is_not_even_a_valid_id() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("club_id", "Main Street"))))
        .containsExactly(
            "line 2, column club_id: unknown club 'Main Street'; known clubs: downtown, main");
  }

  // --- names

  @Test
  void rejects_a_missing_first_name() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("first_name", ""))))
        .containsExactly("line 2, column first_name: a first name is required");
  }

  @Test
  void accepts_an_empty_last_name() throws IOException {
    Member member = onlyMember(MemberRow.file(aRow().with("last_name", "")));

    assertThat(member.lastName()).isEmpty();
    assertThat(member.fullName()).isEqualTo("Ana");
  }

  @Test
  void trims_names() throws IOException {
    Member member =
        onlyMember(
            MemberRow.file(aRow().with("first_name", "  Ana ").with("last_name", " Lopez  ")));

    assertThat(member.fullName()).isEqualTo("Ana Lopez");
  }

  // --- phone

  @Test
  void normalises_a_national_number_with_the_default_region() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("phone", "(415) 555-2671"))).phone())
        .isEqualTo("+14155552671");
  }

  @Test
  void keeps_an_international_number_in_its_own_country() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("phone", "+44 20 7946 0958"))).phone())
        .isEqualTo("+442079460958");
  }

  @Test
  void reads_national_numbers_in_the_region_the_parser_was_given() throws IOException {
    MemberCsvParser britishParser = new MemberCsvParser(Set.of(new ClubId("main")), "GB", TODAY);

    ParsedMembers parsed =
        britishParser.parse(
            new StringReader(MemberRow.file(aRow().with("phone", "020 7946 0958"))));

    assertThat(parsed.members()).extracting(Member::phone).containsExactly("+442079460958");
  }

  @Test
  void leaves_the_phone_empty_when_none_is_given() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("phone", ""))).phoneNumber()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"555", "not a phone", "+1 415 555 26711", "(015) 555-2671"})
  void rejects_an_invalid_phone_number(String phone) throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("phone", phone))))
        .containsExactly("line 2, column phone: '" + phone + "' is not a valid phone number");
  }

  @Test
  void refuses_a_default_region_libphonenumber_does_not_know() {
    assertThatThrownBy(() -> new MemberCsvParser(Set.of(), "XX", TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'XX'");
  }

  // --- email

  @Test
  void keeps_a_plausible_email_address() throws IOException {
    assertThat(
            onlyMember(MemberRow.file(aRow().with("email", "ana.lopez+gym@mail.example.com")))
                .email())
        .isEqualTo("ana.lopez+gym@mail.example.com");
  }

  @Test
  void leaves_the_email_empty_when_none_is_given() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("email", ""))).emailAddress()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ana.example.com",
        "ana@@example.com",
        "ana@mail@example.com",
        "@example.com",
        "ana@example",
        "ana@.com",
        "ana@example.",
        "ana lopez@example.com"
      })
  void rejects_an_implausible_email_address(String email) throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("email", email))))
        .containsExactly("line 2, column email: '" + email + "' is not an email address");
  }

  // --- status

  @ParameterizedTest
  @CsvSource({
    "active,ACTIVE",
    "Prospect,PROSPECT",
    "ppv,PPV",
    "FROZEN,FROZEN",
    "cancelled,CANCELLED"
  })
  void reads_the_status_whatever_its_case(String text, MemberStatus expected) throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("status", text))).status())
        .isEqualTo(expected);
  }

  @Test
  void rejects_an_unknown_status() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("status", "gold"))))
        .containsExactly(
            "line 2, column status: 'gold' is not one of PROSPECT, ACTIVE, PPV, FROZEN, CANCELLED");
  }

  @Test
  void rejects_a_missing_status() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("status", ""))))
        .containsExactly(
            "line 2, column status: a status is required: one of PROSPECT, ACTIVE, PPV, FROZEN,"
                + " CANCELLED");
  }

  // --- joined_on

  @Test
  void reads_the_join_date() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("joined_on", "2025-02-28"))).joinedOn())
        .isEqualTo(LocalDate.of(2025, 2, 28));
  }

  @Test
  void leaves_the_join_date_empty_when_none_is_given() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("joined_on", ""))).joinedOn()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30", "2026-1-5", "yesterday", "1/5/26", "13/13/2026"})
  void rejects_a_join_date_not_in_iso_form(String date) throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("joined_on", date))))
        .containsExactly(
            "line 2, column joined_on: '"
                + date
                + "' is not a date in the form yyyy-MM-dd, like 2026-01-31");
  }

  // --- past_due_amount and past_due_since

  @Test
  void reads_an_empty_amount_as_zero() throws IOException {
    Member member = onlyMember(MemberRow.file(aRow().with("past_due_amount", "")));

    assertThat(member.pastDue()).isEqualTo(Money.ZERO);
    assertThat(member.pastDueSince()).isNull();
  }

  @Test
  void reads_a_whole_amount() throws IOException {
    Member member =
        onlyMember(
            MemberRow.file(
                aRow().with("past_due_amount", "120").with("past_due_since", "2026-11-01")));

    assertThat(member.pastDue()).isEqualTo(Money.ofCents(12_000));
  }

  @Test
  void rejects_amount_with_three_decimals() throws IOException {
    assertThat(
            problems(
                MemberRow.file(
                    aRow().with("past_due_amount", "12.345").with("past_due_since", "2026-11-01"))))
        .containsExactly(
            "line 2, column past_due_amount: amount 12.345 has more than two decimals");
  }

  @Test
  void rejects_a_negative_amount() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("past_due_amount", "-5.00"))))
        .containsExactly("line 2, column past_due_amount: amount -5.00 is negative");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "+5", "ten", ".", "1.2.3", "$", "12 00", "USD 12", "12$"})
  void rejects_an_amount_that_is_not_a_plain_decimal(String amount) throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("past_due_amount", amount))))
        .containsExactly(
            "line 2, column past_due_amount: '" + amount + "' is not an amount like 49.99");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "$49.99;4999",
        "$1,200.00;120000",
        "1,200.00;120000",
        "1,200;120000",
        "$12,345,678.90;1234567890",
        "$120;12000"
      })
  void reads_us_dollar_amounts_with_a_dollar_sign_and_thousands_commas(String text, long cents)
      throws IOException {
    Member member =
        onlyMember(
            MemberRow.file(
                aRow().with("past_due_amount", text).with("past_due_since", "2026-11-01")));

    assertThat(member.pastDue()).isEqualTo(Money.ofCents(cents));
  }

  @ParameterizedTest
  @ValueSource(strings = {"49,99", "12,00", "1,20", "1,2000.00", ",100", "1,200,", "1.200,00"})
  void refuses_a_comma_that_does_not_separate_thousands(String amount) throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("past_due_amount", amount))))
        .containsExactly(
            "line 2, column past_due_amount: '"
                + amount
                + "' has a comma that does not separate thousands; amounts are US dollars, like"
                + " 1,200.00 or 49.99, with a point before the cents");
  }

  @Test
  void rejects_a_negative_dollar_amount() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("past_due_amount", "-$5.00"))))
        .containsExactly("line 2, column past_due_amount: amount -5.00 is negative");
  }

  @Test
  void rejects_an_amount_too_large_to_hold() throws IOException {
    String amount = "9".repeat(30);

    assertThat(problems(MemberRow.file(aRow().with("past_due_amount", amount))))
        .containsExactly("line 2, column past_due_amount: amount " + amount + " is too large");
  }

  @Test
  void requires_past_due_since_when_the_amount_is_above_zero() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("past_due_amount", "0.01"))))
        .containsExactly(
            "line 2, column past_due_since: required when past_due_amount is above 0: the first"
                + " day the balance was past due");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "0.00"})
  void rejects_past_due_since_when_the_amount_is_zero(String amount) throws IOException {
    assertThat(
            problems(
                MemberRow.file(
                    aRow().with("past_due_amount", amount).with("past_due_since", "2026-11-01"))))
        .containsExactly(
            "line 2, column past_due_since: past_due_since given but past_due_amount is 0");
  }

  @Test
  void rejects_past_due_since_after_the_import_date() throws IOException {
    assertThat(
            problems(
                MemberRow.file(
                    aRow().with("past_due_amount", "10").with("past_due_since", "2026-11-21"))))
        .containsExactly(
            "line 2, column past_due_since: 2026-11-21 is after the import date, 2026-11-20");
  }

  @Test
  void accepts_past_due_since_on_the_import_date() throws IOException {
    Member member =
        onlyMember(
            MemberRow.file(
                aRow().with("past_due_amount", "10").with("past_due_since", "2026-11-20")));

    assertThat(member.pastDueSince()).isEqualTo(TODAY);
  }

  @Test
  void rejects_past_due_since_not_in_iso_form_naming_both_options_when_it_reads_both_ways()
      throws IOException {
    assertThat(
            problems(
                MemberRow.file(
                    aRow().with("past_due_amount", "10").with("past_due_since", "11/01/2026"))))
        .containsExactly(
            "line 2, column past_due_since: '11/01/2026' is not a date in the form yyyy-MM-dd,"
                + " like 2026-01-31; if the file writes dates month first, import with --dates"
                + " us; if day first, import with --dates day-first");
  }

  @Test
  void refuses_a_month_first_date_by_default_naming_the_option_that_reads_it() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("joined_on", "01/15/2024"))))
        .containsExactly(
            "line 2, column joined_on: '01/15/2024' is not a date in the form yyyy-MM-dd, like"
                + " 2026-01-31; if the file writes dates month first, import with --dates us");
  }

  @Test
  void refuses_a_day_first_date_by_default_naming_the_option_that_reads_it() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("joined_on", "15/01/2026"))))
        .containsExactly(
            "line 2, column joined_on: '15/01/2026' is not a date in the form yyyy-MM-dd, like"
                + " 2026-01-31; if the file writes dates day first, import with --dates"
                + " day-first");
  }

  @ParameterizedTest
  @CsvSource({"01/15/2024,2024-01-15", "1/5/2024,2024-01-05", "03/04/2024,2024-03-04"})
  void reads_dates_month_first_with_dates_us(String text, LocalDate expected) throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("joined_on", text)), DateOrder.US).joinedOn())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"15/01/2024,2024-01-15", "5/1/2024,2024-01-05", "03/04/2024,2024-04-03"})
  void reads_dates_day_first_with_dates_day_first(String text, LocalDate expected)
      throws IOException {
    assertThat(
            onlyMember(MemberRow.file(aRow().with("joined_on", text)), DateOrder.DAY_FIRST)
                .joinedOn())
        .isEqualTo(expected);
  }

  @Test
  void still_reads_iso_dates_when_the_file_is_read_month_first() throws IOException {
    assertThat(
            onlyMember(MemberRow.file(aRow().with("joined_on", "2024-01-15")), DateOrder.US)
                .joinedOn())
        .isEqualTo(LocalDate.of(2024, 1, 15));
  }

  @Test
  void refuses_a_day_first_date_when_the_file_is_read_month_first() throws IOException {
    ParsedMembers parsed =
        parser(DateOrder.US)
            .parse(
                new StringReader(
                    MemberRow.file(
                        aRow()
                            .with("joined_on", "15/01/2024")
                            .with("past_due_amount", "10")
                            .with("past_due_since", "11/31/2026"))));

    assertThat(parsed.members()).isEmpty();
    assertThat(parsed.problems())
        .map(ImportProblem::toString)
        .containsExactly(
            "line 2, column joined_on: '15/01/2024' is not a date in MM/DD/YYYY (as --dates us"
                + " reads dates) or YYYY-MM-DD",
            "line 2, column past_due_since: '11/31/2026' is not a date in MM/DD/YYYY (as --dates"
                + " us reads dates) or YYYY-MM-DD");
  }

  @Test
  void reads_past_due_since_and_the_hold_in_the_chosen_order() throws IOException {
    String csv =
        MemberRow.HEADER
            + ",collections_hold_until\n"
            + aRow().with("past_due_amount", "10").with("past_due_since", "11/01/2026").csv()
            + ",12/15/2026\n";

    ParsedMembers parsed = parser(DateOrder.US).parse(new StringReader(csv));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.members().get(0).pastDueSince()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(parsed.holdsUntil()).containsValue(LocalDate.of(2026, 12, 15));
  }

  @Test
  void reads_each_members_payment_customer_id_and_refuses_a_shared_or_malformed_one()
      throws IOException {
    String good =
        MemberRow.HEADER
            + ",payment_customer_id\n"
            + aRow().withId("M1").csv()
            + ",cus_NffrFeUfNV2Hib\n"
            + aRow().withId("M2").csv()
            + ",\n";
    ParsedMembers parsed = parse(good);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.customerIds())
        .containsExactly(java.util.Map.entry(new MemberId("M1"), "cus_NffrFeUfNV2Hib"));

    String bad =
        MemberRow.HEADER
            + ",payment_customer_id\n"
            + aRow().withId("M1").csv()
            + ",cus_A\n"
            + aRow().withId("M2").csv()
            + ",cus_A\n"
            + aRow().withId("M3").csv()
            + ",\"cus B\"\n";
    assertThat(problems(bad))
        .containsExactly(
            "line 3, column payment_customer_id: payment customer id 'cus_A' is also on line 2: a"
                + " provider's payment must let in one member",
            "line 4, column payment_customer_id: payment customer id 'cus B' may hold only"
                + " letters, digits, '_', ':', '.' and '-', starting with a letter or digit"
                + " (Stripe's look like cus_NffrFeUfNV2Hib)");
  }

  @Test
  void checks_past_due_since_on_its_own_when_the_amount_is_unreadable() throws IOException {
    assertThat(
            problems(
                MemberRow.file(
                    aRow().with("past_due_amount", "ten").with("past_due_since", "2027-01-01"))))
        .containsExactly(
            "line 2, column past_due_amount: 'ten' is not an amount like 49.99",
            "line 2, column past_due_since: 2027-01-01 is after the import date, 2026-11-20");
  }

  // --- sms_consent and opted_out

  @ParameterizedTest
  @CsvSource({
    "true,true",
    "YES,true",
    "1,true",
    "Y,true",
    "y,true",
    "False,false",
    "no,false",
    "0,false",
    "N,false",
    "n,false",
    "'',false"
  })
  void reads_yes_and_no_in_their_usual_spellings(String text, boolean expected) throws IOException {
    Member member =
        onlyMember(MemberRow.file(aRow().with("sms_consent", text).with("opted_out", text)));

    assertThat(member.smsConsent()).isEqualTo(expected);
    assertThat(member.smsOptedOut()).isEqualTo(expected);
  }

  @Test
  void rejects_an_unknown_yes_no_value() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("sms_consent", "yep"))))
        .containsExactly("line 2, column sms_consent: 'yep' is not true/false, yes/no, Y/N or 1/0");
  }

  // --- door_state

  @Test
  void reads_an_empty_door_state_as_active() throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("door_state", ""))).door())
        .isEqualTo(DoorAccess.OPEN);
  }

  @ParameterizedTest
  @CsvSource({"ACTIVE,ACTIVE", "LOCKED_PAYMENT,LOCKED_PAYMENT", "locked_other,LOCKED_OTHER"})
  void reads_each_door_state(String text, String expectedCode) throws IOException {
    assertThat(onlyMember(MemberRow.file(aRow().with("door_state", text))).door())
        .isEqualTo(DoorAccess.fromCode(expectedCode));
  }

  @Test
  void rejects_an_unknown_door_state() throws IOException {
    assertThat(problems(MemberRow.file(aRow().with("door_state", "LOCKED"))))
        .containsExactly(
            "line 2, column door_state: 'LOCKED' is not one of ACTIVE, LOCKED_PAYMENT, LOCKED_OTHER");
  }

  // --- volume

  @Test
  void reads_a_hundred_thousand_rows() throws IOException {
    StringBuilder csv = new StringBuilder(MemberRow.HEADER).append('\n');
    for (int i = 0; i < 100_000; i++) {
      csv.append(
              aRow()
                  .withId("m-" + i)
                  .with("phone", String.format("(415) 555-%04d", i % 10_000))
                  .with("email", "member" + i + "@example.com")
                  .csv())
          .append('\n');
    }

    ParsedMembers parsed = parse(csv.toString());

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.members()).hasSize(100_000);
  }

  private ParsedMembers parse(String csv) throws IOException {
    return parser.parse(new StringReader(csv));
  }

  private List<String> problems(String csv) throws IOException {
    ParsedMembers parsed = parse(csv);
    assertThat(parsed.members()).isEmpty();
    return parsed.problems().stream().map(ImportProblem::toString).toList();
  }

  private MemberCsvParser parser(DateOrder dates) {
    return new MemberCsvParser(Set.of(new ClubId("main")), "US", TODAY, dates);
  }

  private Member onlyMember(String csv, DateOrder dates) throws IOException {
    ParsedMembers parsed = parser(dates).parse(new StringReader(csv));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.members()).hasSize(1);
    return parsed.members().get(0);
  }

  private Member onlyMember(String csv) throws IOException {
    ParsedMembers parsed = parse(csv);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.members()).hasSize(1);
    return parsed.members().get(0);
  }
}
