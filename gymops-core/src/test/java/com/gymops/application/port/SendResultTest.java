package com.gymops.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gymops.application.port.SendResult.Status;
import org.junit.jupiter.api.Test;

class SendResultTest {
  @Test
  void a_refused_sender_says_what_is_wrong_with_it() {
    SendResult blocked =
        SendResult.senderBlocked(SenderProblem.UNVERIFIED_TOLL_FREE, 30032, "not verified");

    assertThat(blocked.status()).isEqualTo(Status.SENDER_BLOCKED);
    assertThat(blocked.senderProblem()).isEqualTo(SenderProblem.UNVERIFIED_TOLL_FREE);
    assertThat(blocked.providerCode()).isEqualTo(30032);
    assertThatThrownBy(() -> new SendResult(Status.SENDER_BLOCKED, null, "refused", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void only_a_refused_sender_carries_a_sender_problem() {
    assertThatThrownBy(
            () ->
                new SendResult(
                    Status.REJECTED, null, "refused", null, SenderProblem.CARRIER_FILTERED, 30007))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SendResult.rejected("refused").senderProblem()).isNull();
  }
}
