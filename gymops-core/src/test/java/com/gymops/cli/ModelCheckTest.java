package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.fakes.CompetentModel;
import com.gymops.fakes.FakeMessagesApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Models API check of {@code agent.model} runs where the model may be called (an agent run,
 * doctor; serve does the same at its start) and nowhere else: opening the store for any other
 * command must not wait on the network.
 */
class ModelCheckTest {
  @TempDir Path work;
  private FakeMessagesApi api;
  private Map<String, String> withKey;

  @BeforeEach
  void start() {
    api = new FakeMessagesApi(new CompetentModel());
    // The default model retires in 20 days: every check that is made warns.
    api.model("claude-sonnet-5-5", "deprecated", CliRun.NOW.plus(Duration.ofDays(20)));
    withKey = Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", api.baseUrl());
    assertThat(CliRun.in(work, "--data", "club", "demo", "--members", "40", "--no-run").exitCode())
        .isZero();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void commands_that_never_call_the_model_do_not_check_it() {
    CliRun runs = CliRun.in(work, withKey, "--data", "club", "runs");
    CliRun rules =
        CliRun.in(
            work,
            withKey,
            "--data",
            "club",
            "run",
            "past-due-monitoring",
            "--mode",
            "rules",
            "--dry-run");

    assertThat(runs.exitCode()).as(runs.err()).isZero();
    assertThat(rules.exitCode()).as(rules.err()).isZero();
    assertThat(rules.err()).doesNotContain("retires on");
    assertThat(api.modelRequests()).isZero();
  }

  @Test
  void an_agent_run_and_doctor_check_the_model_and_warn_of_its_retirement() {
    CliRun agent =
        CliRun.in(
            work,
            withKey,
            "--data",
            "club",
            "run",
            "past-due-monitoring",
            "--mode",
            "agent",
            "--dry-run");
    long afterRun = api.modelRequests();
    CliRun doctor = CliRun.in(work, withKey, "--data", "club", "doctor");

    assertThat(afterRun).isOne();
    assertThat(agent.err()).contains("warning: agent.model 'claude-sonnet-5-5' retires on");
    assertThat(api.modelRequests()).isEqualTo(2);
    assertThat(doctor.out() + doctor.err()).contains("agent model").contains("20 days");
  }
}
