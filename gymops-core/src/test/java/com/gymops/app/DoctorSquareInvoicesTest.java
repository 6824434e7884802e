package com.gymops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.adapter.config.ConfigLoader;
import com.gymops.config.PaymentSettings;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code doctor}'s line on Square invoices made on demand. */
class DoctorSquareInvoicesTest {
  private static final String SQUARE =
      "clubs: [{id: main, timezone: America/New_York}]\n"
          + "payments: {provider: square, square: {notification_url:"
          + " \"https://gym.example.com/webhooks/square\"";

  private static PaymentSettings payments(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(yaml, env, ZoneId.of("UTC")).payments();
  }

  @Test
  void a_square_club_without_a_location_id_fails_the_check_and_says_where_to_find_it() {
    var check =
        Doctor.squareInvoices(
                payments(SQUARE + "}}\n", Map.of("GYMOPS_SQUARE_ACCESS_TOKEN", "EAAAx")))
            .orElseThrow();

    assertThat(check.problem()).startsWith("payments.square.location_id is not set");
    assertThat(check.fix()).contains("payments.square.location_id", "Locations");
  }

  @Test
  void a_location_without_the_access_token_fails_and_both_pass() {
    assertThat(
            Doctor.squareInvoices(payments(SQUARE + ", location_id: L1A2}}\n", Map.of()))
                .orElseThrow()
                .problem())
        .contains("GYMOPS_SQUARE_ACCESS_TOKEN");
    var check =
        Doctor.squareInvoices(
                payments(
                    SQUARE + ", location_id: L1A2}}\n",
                    Map.of("GYMOPS_SQUARE_ACCESS_TOKEN", "EAAAx")))
            .orElseThrow();
    assertThat(check.problem()).isNull();
    assertThat(check.detail()).contains("L1A2", "at most 25 a run");
  }

  @Test
  void says_nothing_without_square() {
    assertThat(
            Doctor.squareInvoices(
                payments("clubs: [{id: main, timezone: America/New_York}]\n", Map.of())))
        .isEmpty();
  }
}
