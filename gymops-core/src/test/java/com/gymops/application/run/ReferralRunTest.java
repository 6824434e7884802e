package com.gymops.application.run;

import static com.gymops.application.run.ClubPopulation.BIG_DEBT;
import static com.gymops.application.run.ClubPopulation.TODAY;
import static com.gymops.application.run.ClubPopulation.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.domain.MessagePurpose;
import com.gymops.domain.OutboundMessage;
import com.gymops.domain.RunStatus;
import com.gymops.domain.WorkflowId;
import com.gymops.domain.WorkflowRun;
import com.gymops.testing.TestClub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferralRunTest {
  @TempDir Path directory;
  private TestClub club;

  /**
   * The referral's own mechanics, with the list not waiting for approval; the approval of a list is
   * tested in care/GatedApprovalsTest.
   */
  @BeforeEach
  void open() {
    club = TestClub.in(directory, "approvals: {referral_list: false}\n");
    ClubPopulation.seed(club);
  }

  @AfterEach
  void close() {
    club.close();
  }

  @Test
  void referral_writes_the_members_rows_to_a_csv_under_reports() throws Exception {
    RunReport report = club.run(WorkflowId.COLLECTIONS_REFERRAL, local(TODAY, LocalTime.of(9, 0)));

    Path file = club.reports().resolve("referrals-main-" + TODAY + ".csv");
    assertThat(report.files()).containsExactly(file.toString());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines)
        .hasSize(2)
        .first()
        .isEqualTo("member_id,name,amount,attempts,phone,email,past_due_since,last_contact");
    assertThat(lines.get(1))
        .startsWith("D1,Alex Rivera,250.00,5,+12125552671,alex.rivera@example.com,")
        .contains(TODAY.minusDays(40).toString());
    assertThat(club.stores().referrals().ofMember(BIG_DEBT)).singleElement();
  }

  @Test
  void a_run_that_fails_is_recorded_as_failed_and_the_manager_is_told() throws Exception {
    Files.writeString(club.reports(), "a file where the reports directory should be");

    assertThatThrownBy(
            () -> club.run(WorkflowId.COLLECTIONS_REFERRAL, local(TODAY, LocalTime.of(9, 0))))
        .hasMessageContaining("cannot write report");

    WorkflowRun failed = club.stores().runs().latest(1).get(0);
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).contains("cannot write report");
    OutboundMessage alert =
        club.stores()
            .outbox()
            .findByKey(
                "alert:run-failed:"
                    + failed.clubId()
                    + ":"
                    + failed.startedAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS))
            .orElseThrow();
    assertThat(alert.recipient()).isEqualTo(TestClub.MANAGER_PHONE);
    assertThat(alert.body()).contains("collections-referral failed");
  }

  @Test
  void referred_members_get_no_reminders_invoices_or_escalations_afterwards() {
    club.run(WorkflowId.COLLECTIONS_REFERRAL, local(TODAY, LocalTime.of(9, 0)));
    List<OutboundMessage> before = club.stores().outbox().ofMember(BIG_DEBT);

    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY, LocalTime.of(10, 0)));
    club.run(WorkflowId.BATCH_INVOICES, local(TODAY, LocalTime.of(11, 0)));
    club.run(WorkflowId.COLLECTIONS_ESCALATION, local(TODAY.plusDays(1), LocalTime.of(8, 0)));
    club.run(WorkflowId.PAST_DUE_MONITORING, local(TODAY.plusDays(4), LocalTime.of(10, 0)));

    assertThat(club.stores().outbox().ofMember(BIG_DEBT)).isEqualTo(before);
    assertThat(club.stores().attempts().ofMember(BIG_DEBT)).hasSize(5);
    assertThat(club.stores().notes().ofMember(BIG_DEBT))
        .singleElement()
        .satisfies(note -> assertThat(note.text()).startsWith("REFERRED TO COLLECTIONS"));
    assertThat(
            club.stores().outbox().ofMember(ClubPopulation.SMALL_DEBT).stream()
                .map(OutboundMessage::purpose))
        .as("the member not referred still hears from the club")
        .contains(MessagePurpose.REMINDER, MessagePurpose.INVOICE);
  }
}
