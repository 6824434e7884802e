package com.gymops.application.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.application.run.ClubPopulation;
import com.gymops.application.run.RunMode;
import com.gymops.application.run.RunReport;
import com.gymops.application.run.RunReportJson;
import com.gymops.domain.MemberId;
import com.gymops.domain.WorkflowId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the model writes is stored and printed without the API key. */
class ModelWrittenRedactionTest {
  @TempDir Path directory;

  @Test
  void a_model_echoing_the_api_key_into_its_report_and_a_hold_reason_stores_and_prints_neither()
      throws Exception {
    try (AgentClub club = new AgentClub(directory, new LeakingModel(AgentClub.KEY))) {
      ClubPopulation.seed(club.club);
      Instant twoDaysAgo = ClubPopulation.local(ClubPopulation.TODAY.minusDays(2), LocalTime.NOON);
      for (MemberId member : List.of(ClubPopulation.BIG_DEBT, ClubPopulation.SMALL_DEBT)) {
        club.club.staffNote(member, twoDaysAgo, "call before acting");
      }
      WorkflowId workflow = WorkflowId.PAST_DUE_MONITORING;

      RunReport report = club.run(workflow, ClubPopulation.scheduled(workflow), RunMode.AGENT);

      assertThat(report.modeUsed()).isEqualTo("agent");
      assertThat(report.agent().finalText()).contains("[redacted]").doesNotContain(AgentClub.KEY);
      assertThat(report.agent().held()).isNotEmpty();
      assertThat(report.agent().held())
          .allSatisfy(held -> assertThat(held.reason()).doesNotContain(AgentClub.KEY));
      assertThat(RunReportJson.tree(report).toString()).doesNotContain(AgentClub.KEY);
      assertThat(
              club.club.count("SELECT COUNT(*) FROM member_note WHERE note_text LIKE '%sk-ant-%'"))
          .isZero();
      assertThat(club.club.stores().transcripts().of(report.runId()))
          .allSatisfy(entry -> assertThat(entry.body()).doesNotContain(AgentClub.KEY));
    }
  }
}
