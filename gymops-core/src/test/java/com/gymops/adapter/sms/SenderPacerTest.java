package com.gymops.adapter.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SenderPacerTest {
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-12-01T15:00:00Z"), ZoneOffset.UTC);
  private Duration slept = Duration.ZERO;

  private SenderPacer pacer(int rate) {
    return new SenderPacer(
        rate,
        clock,
        pause -> {
          slept = slept.plus(pause);
          clock.advance(pause);
        });
  }

  @Test
  void a_two_thousand_member_campaign_drains_at_one_text_a_second() throws InterruptedException {
    SenderPacer pacer = pacer(1);
    Instant start = clock.instant();

    for (int i = 0; i < 2_000; i++) {
      pacer.awaitTurn();
    }

    assertThat(slept).isEqualTo(Duration.ofSeconds(1_999));
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(1_999));
  }

  @Test
  void time_spent_elsewhere_counts_towards_the_next_turn() throws InterruptedException {
    SenderPacer pacer = pacer(1);

    pacer.awaitTurn();
    clock.advance(Duration.ofMillis(700));
    pacer.awaitTurn();
    clock.advance(Duration.ofSeconds(5));
    pacer.awaitTurn();

    assertThat(slept).isEqualTo(Duration.ofMillis(300));
  }
}
