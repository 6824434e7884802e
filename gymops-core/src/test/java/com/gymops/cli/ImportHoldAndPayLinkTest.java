package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.app.GymOpsApp;
import com.gymops.domain.MemberId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The members file's optional collections_hold_until and pay_link columns. */
class ImportHoldAndPayLinkTest {
  private static final String HEADER =
      "member_id,club_id,first_name,last_name,phone,email,status,joined_on,past_due_amount,"
          + "past_due_since,sms_consent,opted_out,door_state,collections_hold_until,pay_link\n";

  @TempDir Path work;

  private CliRun importing(String rows) throws IOException {
    Files.writeString(work.resolve("members.csv"), HEADER + rows);
    return CliRun.in(work, "import", "members", "members.csv");
  }

  private GymOpsApp openData() {
    return GymOpsApp.open(
        ConfigLoader.load(Optional.empty(), Map.of(), ZoneId.of("America/New_York")),
        work.resolve("gymops-data"),
        Clock.systemUTC());
  }

  @Test
  void a_hold_date_and_a_pay_link_are_imported_with_their_member() throws IOException {
    CliRun run =
        importing(
            "M1,main,Ana,Lopez,(415) 555-2671,,ACTIVE,2024-01-10,60.00,2026-11-01,yes,no,ACTIVE,"
                + "2026-12-15,https://pay.mainstreet.example/M1\n"
                + "M2,main,Ben,Ng,(415) 555-2672,,ACTIVE,2024-01-10,0,,yes,no,ACTIVE,,\n");

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().holds().of(new MemberId("M1")).orElseThrow().until())
          .isEqualTo(LocalDate.of(2026, 12, 15));
      assertThat(app.stores().payLinks().of(new MemberId("M1")))
          .contains("https://pay.mainstreet.example/M1");
      assertThat(app.stores().holds().of(new MemberId("M2"))).isEmpty();
      assertThat(app.stores().payLinks().of(new MemberId("M2"))).isEmpty();
    }
  }

  @Test
  void a_bad_date_or_link_fails_the_whole_file_naming_row_and_column() throws IOException {
    CliRun run =
        importing(
            "M1,main,Ana,Lopez,(415) 555-2671,,ACTIVE,2024-01-10,60.00,2026-11-01,yes,no,ACTIVE,"
                + "2026-12-15,https://pay.mainstreet.example/M1\n"
                + "M2,main,Ben,Ng,(415) 555-2672,,ACTIVE,2024-01-10,0,,yes,no,ACTIVE,15/12/2026,\n"
                + "M3,main,Cy,Ode,(415) 555-2673,,ACTIVE,2024-01-10,0,,yes,no,ACTIVE,,"
                + "https://bit.ly/abc\n"
                + "M4,main,Di,Poe,(415) 555-2674,,ACTIVE,2024-01-10,0,,yes,no,ACTIVE,,"
                + "http://pay.mainstreet.example/M4\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("3 problems, nothing imported")
        .contains("line 3, column collections_hold_until", "'15/12/2026' is not a date")
        .contains("line 4, column pay_link", "bit.ly is a public link shortener")
        .contains("line 5, column pay_link", "is not an https:// URL");
    try (GymOpsApp app = openData()) {
      assertThat(app.stores().members().count()).isZero();
      assertThat(app.stores().holds().of(new MemberId("M1"))).isEmpty();
      assertThat(app.stores().payLinks().of(new MemberId("M1"))).isEmpty();
    }
  }
}
