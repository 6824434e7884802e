package com.gymops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gymops mcp} refuses to start without a valid token; the protocol is McpServerTest's. */
class McpCommandTest {
  @TempDir Path work;

  @Test
  void without_a_token_it_says_how_to_make_one() {
    CliRun run = CliRun.in(work, "mcp");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("$GYMOPS_TOKEN", "gymops tokens create --club ID --name NAME");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void a_wrong_or_revoked_token_is_refused_before_anything_is_served() {
    CliRun created = CliRun.in(work, "tokens", "create", "--club", "main", "--name", "desktop");
    String secret = created.out().strip();
    CliRun.in(work, "tokens", "revoke", "desktop");

    CliRun wrong = CliRun.in(work, Map.of("GYMOPS_TOKEN", "gyo_not-a-token"), "mcp");
    CliRun revoked = CliRun.in(work, Map.of("GYMOPS_TOKEN", secret), "mcp");

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(wrong.exitCode()).isNotZero();
    assertThat(wrong.err()).contains("not a valid, unrevoked API token");
    assertThat(revoked.exitCode()).isNotZero();
    assertThat(revoked.err()).contains("not a valid, unrevoked API token");
    assertThat(wrong.out() + revoked.out()).isEmpty();
  }
}
