package com.gymops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedLiteralProjectionTest {
  @Test
  void remaining_requests_grow_by_the_last_member_cycle_and_add_up_quadratically() {
    // Two requests before the member turns, then turns growing by 10 tokens each.
    List<Long> made = List.of(100L, 500L, 510L, 520L, 530L);

    AgentFigures.Projection projection =
        AgentScenario.projection(made, 2, 8, 1, AgentFigures.Price.of("claude-sonnet-5-5"));

    // Three more requests of 540, 550 and 560 tokens.
    assertThat(projection.requests()).isEqualTo(8);
    assertThat(projection.inputTokens()).isEqualTo(2160 + 540 + 550 + 560);
    assertThat(projection.lastRequestInputTokens()).isEqualTo(560);
  }

  @Test
  void no_projection_while_the_model_was_still_paging() {
    assertThat(
            AgentScenario.projection(
                List.of(100L, 5000L, 9000L), 3, 100, 1, AgentFigures.Price.of("claude-sonnet-5-5")))
        .isNull();
  }
}
