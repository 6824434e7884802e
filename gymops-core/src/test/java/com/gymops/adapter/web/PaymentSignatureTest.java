package com.gymops.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PaymentSignatureTest {
  private static final byte[] BODY = "{\"payment_id\":\"p1\"}".getBytes(StandardCharsets.UTF_8);

  /** HMAC-SHA256 of BODY keyed "whsec-test", computed outside Java (Python's hmac module). */
  private static final String EXPECTED =
      "sha256=1a6c722a73c04af6c003d8feb9d4f6d1919791d24243dcef55455dcce23658df";

  private final PaymentSignature signature = new PaymentSignature("whsec-test");

  @Test
  void signs_the_raw_body_as_lowercase_hex_hmac_sha256() {
    assertThat(signature.of(BODY)).isEqualTo(EXPECTED);
    assertThat(signature.matches(BODY, EXPECTED)).isTrue();
  }

  @Test
  void accepts_uppercase_hex() {
    String upper = "sha256=" + EXPECTED.substring(7).toUpperCase(Locale.ROOT);

    assertThat(signature.matches(BODY, upper)).isTrue();
  }

  @Test
  void refuses_a_missing_malformed_or_forged_signature_and_a_changed_body() {
    assertThat(signature.matches(BODY, null)).isFalse();
    assertThat(signature.matches(BODY, EXPECTED.substring(7))).isFalse();
    assertThat(signature.matches(BODY, "sha256=00")).isFalse();
    assertThat(new PaymentSignature("other").matches(BODY, EXPECTED)).isFalse();
    assertThat(
            signature.matches("{\"payment_id\":\"p2\"}".getBytes(StandardCharsets.UTF_8), EXPECTED))
        .isFalse();
  }

  @Test
  void the_secret_is_never_printed() {
    assertThat(signature.toString()).doesNotContain("whsec-test");
  }
}
