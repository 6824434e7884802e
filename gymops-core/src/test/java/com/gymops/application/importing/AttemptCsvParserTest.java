package com.gymops.application.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.gymops.domain.AttemptKind;
import com.gymops.domain.AttemptOutcome;
import com.gymops.domain.Channel;
import com.gymops.domain.CollectionAttempt;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptCsvParserTest {
  private static final String HEADER = "member_id,attempted_at,kind,channel,outcome";
  private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

  private final AttemptCsvParser parser =
      new AttemptCsvParser(Set.of(new MemberId("m-1"), new MemberId("m-2"))::contains, NOW);

  @Test
  void reads_a_valid_row() throws IOException {
    ParsedAttempts parsed = parse(HEADER + "\nm-1,2026-11-20T14:00:00Z,firm,sms,delivered\n");

    assertThat(parsed.isAccepted()).isTrue();
    assertThat(parsed.attempts())
        .containsExactly(
            new CollectionAttempt(
                new MemberId("m-1"),
                Instant.parse("2026-11-20T14:00:00Z"),
                AttemptKind.FIRM,
                Channel.SMS,
                AttemptOutcome.DELIVERED));
  }

  @Test
  void accepts_columns_in_any_order() throws IOException {
    ParsedAttempts parsed =
        parse(
            "outcome,channel,kind,attempted_at,member_id\nfailed,email,invoice,2026-11-01T08:00:00Z,m-2\n");

    assertThat(parsed.attempts())
        .extracting(CollectionAttempt::kind, CollectionAttempt::channel, CollectionAttempt::outcome)
        .containsExactly(tuple(AttemptKind.INVOICE, Channel.EMAIL, AttemptOutcome.FAILED));
  }

  @Test
  void reads_a_time_with_an_offset_as_the_same_instant() throws IOException {
    ParsedAttempts parsed = parse(HEADER + "\nm-1,2026-11-20T09:00:00-05:00,friendly,sms,sent\n");

    assertThat(parsed.attempts())
        .extracting(CollectionAttempt::attemptedAt)
        .containsExactly(Instant.parse("2026-11-20T14:00:00Z"));
  }

  @Test
  void accepts_an_attempt_made_exactly_now() throws IOException {
    assertThat(parse(HEADER + "\nm-1,2026-11-20T15:00:00Z,final,sms,sent\n").isAccepted()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "FRIENDLY,Sms,SENT,FRIENDLY,SMS,SENT",
    "Firm,EMAIL,Delivered,FIRM,EMAIL,DELIVERED",
    "final,sms,failed,FINAL,SMS,FAILED",
    "invoice,email,sent,INVOICE,EMAIL,SENT"
  })
  void reads_codes_whatever_their_case(
      String kind,
      String channel,
      String outcome,
      AttemptKind expectedKind,
      Channel expectedChannel,
      AttemptOutcome expectedOutcome)
      throws IOException {
    ParsedAttempts parsed =
        parse(HEADER + "\nm-1,2026-11-20T14:00:00Z," + kind + "," + channel + "," + outcome + "\n");

    CollectionAttempt attempt = parsed.attempts().get(0);
    assertThat(attempt.kind()).isEqualTo(expectedKind);
    assertThat(attempt.channel()).isEqualTo(expectedChannel);
    assertThat(attempt.outcome()).isEqualTo(expectedOutcome);
  }

  @Test
  void rejects_an_unknown_member() throws IOException {
    assertThat(problems(HEADER + "\nm-9,2026-11-20T14:00:00Z,firm,sms,sent\n"))
        .containsExactly(
            "line 2, column member_id: unknown member m-9; import the member before their"
                + " attempts");
  }

  @Test
  void rejects_a_missing_member_id() throws IOException {
    assertThat(problems(HEADER + "\n ,2026-11-20T14:00:00Z,firm,sms,sent\n"))
        .containsExactly("line 2, column member_id: a member id is required");
  }

  @Test
  void rejects_a_missing_time() throws IOException {
    assertThat(problems(HEADER + "\nm-1,,firm,sms,sent\n"))
        .containsExactly(
            "line 2, column attempted_at: a time is required, like 2026-11-20T14:00:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20", "2026-11-20 14:00", "2026-11-20T25:00:00Z", "soon"})
  void rejects_a_time_that_is_not_iso_8601(String time) throws IOException {
    assertThat(problems(HEADER + "\nm-1," + time + ",firm,sms,sent\n"))
        .containsExactly(
            "line 2, column attempted_at: '"
                + time
                + "' is not a time like 2026-11-20T14:00:00Z or 2026-11-20T09:00:00-05:00");
  }

  @Test
  void refuses_a_us_style_time_naming_the_iso_form_it_needs() throws IOException {
    assertThat(problems(HEADER + "\nm-1,11/20/2026 2:00 PM,firm,sms,sent\n"))
        .containsExactly(
            "line 2, column attempted_at: '11/20/2026 2:00 PM' is not a time like"
                + " 2026-11-20T14:00:00Z or 2026-11-20T09:00:00-05:00; attempt times are always"
                + " ISO 8601 with a zone, whatever --dates a members file needs");
  }

  @Test
  void rejects_a_time_without_a_zone() throws IOException {
    assertThat(problems(HEADER + "\nm-1,2026-11-20T14:00:00,firm,sms,sent\n"))
        .containsExactly(
            "line 2, column attempted_at: '2026-11-20T14:00:00' has no time zone; add Z for UTC"
                + " or an offset such as -05:00");
  }

  @Test
  void rejects_a_time_in_the_future() throws IOException {
    assertThat(problems(HEADER + "\nm-1,2026-11-20T15:00:01Z,firm,sms,sent\n"))
        .containsExactly(
            "line 2, column attempted_at: 2026-11-20T15:00:01Z is in the future; it is now"
                + " 2026-11-20T15:00:00Z");
  }

  @Test
  void rejects_an_unknown_kind() throws IOException {
    assertThat(problems(HEADER + "\nm-1,2026-11-20T14:00:00Z,polite,sms,sent\n"))
        .containsExactly(
            "line 2, column kind: 'polite' is not one of friendly, firm, final, invoice");
  }

  @Test
  void rejects_an_unknown_channel() throws IOException {
    assertThat(problems(HEADER + "\nm-1,2026-11-20T14:00:00Z,firm,letter,sent\n"))
        .containsExactly("line 2, column channel: 'letter' is not one of sms, email");
  }

  @Test
  void rejects_an_unknown_outcome() throws IOException {
    assertThat(problems(HEADER + "\nm-1,2026-11-20T14:00:00Z,firm,sms,bounced\n"))
        .containsExactly(
            "line 2, column outcome: 'bounced' is not one of sent, delivered, failed,"
                + " suppressed");
  }

  @Test
  void rejects_a_missing_code() throws IOException {
    assertThat(problems(HEADER + "\nm-1,2026-11-20T14:00:00Z,,sms,sent\n"))
        .containsExactly(
            "line 2, column kind: a value is required: one of friendly, firm, final, invoice");
  }

  @Test
  void rejects_a_row_with_the_wrong_number_of_values() throws IOException {
    assertThat(problems(HEADER + "\nm-1,2026-11-20T14:00:00Z,firm,sms\n"))
        .containsExactly(
            "line 2: expected 5 values but found 4; check for a missing or extra comma, or a"
                + " value with a comma that needs quotes");
  }

  @Test
  void reports_missing_and_unknown_columns_on_line_one() throws IOException {
    assertThat(problems("member_id,when,kind,channel,outcome\n"))
        .containsExactly(
            "line 1: missing column(s) attempted_at; expected " + HEADER,
            "line 1: unknown column(s) 'when'; expected " + HEADER);
  }

  @Test
  void imports_no_attempt_when_any_row_is_bad_and_reports_every_bad_row() throws IOException {
    String csv =
        "\uFEFF"
            + HEADER
            + "\r\n"
            + "m-1,2026-11-20T14:00:00Z,firm,sms,sent\r\n"
            + "m-3,2026-11-20T14:00:00Z,firm,sms,sent\r\n"
            + "m-2,2026-11-20T14:00:00Z,firm,fax,sent\r\n";

    ParsedAttempts parsed = parse(csv);

    assertThat(parsed.attempts()).isEmpty();
    assertThat(parsed.problems())
        .extracting(ImportProblem::line, ImportProblem::column)
        .containsExactly(tuple(3, "member_id"), tuple(4, "channel"));
  }

  private ParsedAttempts parse(String csv) throws IOException {
    return parser.parse(new StringReader(csv));
  }

  private List<String> problems(String csv) throws IOException {
    ParsedAttempts parsed = parse(csv);
    assertThat(parsed.attempts()).isEmpty();
    return parsed.problems().stream().map(ImportProblem::toString).toList();
  }
}
