package com.gymops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.IntegrationHealth;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code doctor}'s chat webhook lines: configured, redacted, and how the last post went. */
class DoctorChatsTest {
  private static final String URL =
      "https://hooks.slack.com/services/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";
  private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");

  private final GymOpsConfig config =
      ConfigLoader.parse(
          "clubs: [{id: main, timezone: America/New_York}]\n",
          Map.of("GYMOPS_SLACK_WEBHOOK_URL", URL),
          ZoneId.of("UTC"));

  @Test
  void a_post_that_failed_after_the_last_success_fails_the_check_with_the_chats_words() {
    List<Doctor.Check> checks =
        Doctor.chats(
            config,
            List.of(
                new IntegrationHealth(
                    "slack",
                    NINE,
                    NINE.plusSeconds(60),
                    "rejected: slack webhook https://hooks.slack.com/services/*** answered 410"
                        + " channel_is_archived")));

    assertThat(checks)
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.ok()).isFalse();
              assertThat(check.name()).isEqualTo("slack webhook");
              assertThat(check.problem())
                  .contains(
                      "main https://hooks.slack.com/services/*** (GYMOPS_SLACK_WEBHOOK_URL)",
                      "the last post failed at 2026-12-06T09:01:00Z",
                      "channel_is_archived")
                  .doesNotContain("SeCrEt");
              assertThat(check.fix()).contains("alerts still go by text or email");
            });
  }

  @Test
  void a_success_after_the_last_error_passes_and_no_webhook_means_no_line() {
    List<Doctor.Check> checks =
        Doctor.chats(
            config,
            List.of(new IntegrationHealth("slack", NINE.plusSeconds(120), NINE, "earlier")));

    assertThat(checks)
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.ok()).isTrue();
              assertThat(check.detail())
                  .endsWith("; last post went through at 2026-12-06T09:02:00Z");
            });
    GymOpsConfig none = ConfigLoader.parse("clubs: [{id: main}]\n", Map.of(), ZoneId.of("UTC"));
    assertThat(Doctor.chats(none, List.of())).isEmpty();
  }
}
