package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.domain.ClubId;
import com.gymops.domain.Member;
import com.gymops.domain.MemberId;
import com.gymops.domain.Money;
import com.gymops.domain.UsState;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as a real club's systems and spreadsheets write them, imported as a new user would. */
class RealClubInputTest {
  private static final String HEADER =
      "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
          + "past_due_since,sms_consent,opted_out,door_state";

  @TempDir Path work;

  private void config(String clubId) throws IOException {
    Files.writeString(
        work.resolve("gymops.yml"),
        "clubs:\n  - id: " + clubId + "\n    timezone: America/New_York\n");
  }

  private Member member(String id) {
    try (GymOpsApp app =
        GymOpsApp.open(
            ConfigLoader.load(
                Optional.of(work.resolve("gymops.yml")), Map.of(), ZoneId.of("America/New_York")),
            work.resolve("gymops-data"),
            Clock.systemUTC())) {
      return app.stores().members().find(new MemberId(id)).orElseThrow();
    }
  }

  @Test
  void an_uppercase_club_id_matches_the_configured_club_without_case() throws IOException {
    config("nyc01");
    Files.writeString(
        work.resolve("members.csv"),
        HEADER + "\nM1,NYC01,Ana,Lopez,(212) 555-2671,,ACTIVE,2024-01-10,0,,yes,no,ACTIVE\n");

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(member("M1").clubId()).isEqualTo(new ClubId("nyc01"));
  }

  @Test
  void a_club_id_configured_as_the_club_system_writes_it_keeps_its_case() throws IOException {
    config("NYC01");
    Files.writeString(
        work.resolve("members.csv"),
        HEADER + "\nM1,nyc01,Ana,Lopez,(212) 555-2671,,ACTIVE,2024-01-10,0,,yes,no,ACTIVE\n");

    CliRun run = CliRun.in(work, "import", "members", "members.csv");
    CliRun runForClub = CliRun.in(work, "run", "door-access", "--club", "nyc01", "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(member("M1").clubId()).isEqualTo(new ClubId("NYC01"));
    assertThat(runForClub.exitCode()).as(runForClub.err()).isZero();
  }

  @Test
  void a_windows_1252_file_from_excel_is_read_in_its_encoding() throws IOException {
    config("main");
    String csv = HEADER + "\r\nM1,main,Peña,Núñez,(212) 555-2671,,ACTIVE,,0,,yes,no,ACTIVE\r\n";
    Files.write(work.resolve("members.csv"), csv.getBytes(Charset.forName("windows-1252")));

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(member("M1").firstName()).isEqualTo("Peña");
    assertThat(member("M1").lastName()).isEqualTo("Núñez");
  }

  @Test
  void a_utf8_file_with_a_byte_order_mark_is_read() throws IOException {
    config("main");
    String csv = "\uFEFF" + HEADER + "\nM1,main,Zoë,Å,(212) 555-2671,,ACTIVE,,0,,yes,no,ACTIVE\n";
    Files.write(work.resolve("members.csv"), csv.getBytes(StandardCharsets.UTF_8));

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(member("M1").firstName()).isEqualTo("Zoë");
  }

  @Test
  void a_file_in_no_known_encoding_is_refused_with_the_fix() throws IOException {
    config("main");
    byte[] header = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[header.length + 3];
    System.arraycopy(header, 0, bytes, 0, header.length);
    bytes[header.length] = (byte) 0x81; // no character in UTF-8 or Windows-1252
    bytes[header.length + 1] = (byte) 0x8D;
    bytes[header.length + 2] = '\n';
    Files.write(work.resolve("members.csv"), bytes);

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "members.csv is neither UTF-8 nor Windows-1252 text; save it from the spreadsheet as"
                + " 'CSV UTF-8 (Comma delimited)' and import it again, nothing imported");
  }

  @Test
  void a_semicolon_separated_export_is_read_with_its_delimiter() throws IOException {
    config("main");
    Files.writeString(
        work.resolve("members.csv"),
        HEADER.replace(',', ';')
            + ";state\nM1;main;Ana;Lopez;(212) 555-2671;;ACTIVE;;;;yes;no;ACTIVE;tx\n");

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(member("M1").state()).isEqualTo(new UsState("TX"));
  }

  @Test
  void a_phone_with_an_extension_is_refused_not_cut() throws IOException {
    config("main");
    Files.writeString(
        work.resolve("members.csv"),
        HEADER + "\nM1,main,Ana,Lopez,(212) 555-2671 ext. 12,,ACTIVE,,0,,yes,no,ACTIVE\n");

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "line 2, column phone: '(212) 555-2671 ext. 12' has an extension (12); a text cannot"
                + " reach an extension: give the member's own mobile number");
  }

  @Test
  void an_unknown_state_is_named() throws IOException {
    config("main");
    Files.writeString(
        work.resolve("members.csv"),
        HEADER + ",state\nM1,main,Ana,Lopez,,,ACTIVE,,0,,yes,no,ACTIVE,Texas\n");

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "line 2, column state: 'Texas' is not a US state's two-letter code, such as NY or"
                + " TX");
  }

  private static final String US_EXPORT =
      HEADER
          + "\nM1,main,Ana,Lopez,(212) 555-2671,,ACTIVE,01/15/2024,\"$1,200.00\",11/01/2026,Y,n,"
          + "ACTIVE\n";

  @Test
  void a_us_export_imports_with_dates_us_reading_dates_month_first_dollars_and_y_n()
      throws IOException {
    config("main");
    Files.writeString(work.resolve("members.csv"), US_EXPORT);

    CliRun run = CliRun.in(work, "import", "members", "members.csv", "--dates", "us");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Member member = member("M1");
    assertThat(member.joinedOn()).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(member.pastDueSince()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(member.pastDue()).isEqualTo(Money.ofCents(120_000));
    assertThat(member.smsConsent()).isTrue();
    assertThat(member.smsOptedOut()).isFalse();
  }

  @Test
  void a_us_export_without_dates_us_is_refused_naming_each_date_and_the_option()
      throws IOException {
    config("main");
    Files.writeString(work.resolve("members.csv"), US_EXPORT);

    CliRun run = CliRun.in(work, "import", "members", "members.csv");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("2 problems, nothing imported")
        .contains(
            "line 2, column joined_on: '01/15/2024' is not a date in the form yyyy-MM-dd, like"
                + " 2026-01-31; if the file writes dates month first, import with --dates us")
        .contains(
            "line 2, column past_due_since: '11/01/2026' is not a date in the form yyyy-MM-dd,"
                + " like 2026-01-31; if the file writes dates month first, import with --dates"
                + " us; if day first, import with --dates day-first");
  }

  @Test
  void the_same_file_read_day_first_takes_the_ambiguous_date_the_other_way() throws IOException {
    config("main");
    Files.writeString(
        work.resolve("members.csv"),
        HEADER + "\nM1,main,Ana,Lopez,,,ACTIVE,03/04/2024,0,,yes,no,ACTIVE\n");

    CliRun run = CliRun.in(work, "import", "members", "members.csv", "--dates", "day-first");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(member("M1").joinedOn()).isEqualTo(LocalDate.of(2024, 4, 3));
  }

  @Test
  void an_unknown_dates_value_is_refused_with_the_choices() throws IOException {
    config("main");
    Files.writeString(work.resolve("members.csv"), US_EXPORT);

    CliRun run = CliRun.in(work, "import", "members", "members.csv", "--dates", "american");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("'american' is not one of iso, us, day-first");
  }

  @Test
  void the_members_help_documents_the_dates_option_and_the_accepted_amounts() {
    CliRun run = CliRun.in(work, "import", "members", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--dates=ORDER", "us (MM/DD/YYYY)", "day-first", "$1,200.00", "Y/N");
  }
}
