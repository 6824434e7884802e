package com.gymops.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.gymops.fakes.FakeSquare;
import com.gymops.fakes.FakeStripe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Stripe's and Square's signatures as GymOps checks them, against the fakes' own signing (written
 * separately, from the providers' docs): what passes, and the reason for what does not.
 */
class ProviderSignaturesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
  private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\"}";
  private static final byte[] BYTES = BODY.getBytes(StandardCharsets.UTF_8);
  private final StripeSignature stripe =
      new StripeSignature(FakeStripe.WEBHOOK_SECRET, Duration.ofSeconds(300));

  @Test
  void stripe_accepts_its_own_signature_within_the_tolerance_either_way() {
    long t = NOW.getEpochSecond();
    for (long at : new long[] {t, t - 300, t + 300}) {
      assertThat(
              stripe.problem(
                  BYTES, FakeStripe.signatureHeader(BODY, at, FakeStripe.WEBHOOK_SECRET), NOW))
          .isEmpty();
    }
  }

  @Test
  void stripe_accepts_any_matching_v1_while_a_secret_is_rolled_and_ignores_v0() {
    long t = NOW.getEpochSecond();
    String good = FakeStripe.signatureHeader(BODY, t, FakeStripe.WEBHOOK_SECRET).split(",")[1];
    String old = FakeStripe.signatureHeader(BODY, t, "whsec_old").split(",")[1];
    assertThat(stripe.problem(BYTES, "t=" + t + "," + old + "," + good + ",v0=abc", NOW)).isEmpty();
  }

  @Test
  void stripe_refuses_each_wrong_header_with_its_reason() {
    long t = NOW.getEpochSecond();
    assertThat(stripe.problem(BYTES, null, NOW)).contains("no Stripe-Signature header");
    assertThat(stripe.problem(BYTES, "v1=abc", NOW))
        .contains("Stripe-Signature has no timestamp (t=)");
    assertThat(stripe.problem(BYTES, "t=abc,v1=abc", NOW))
        .contains("Stripe-Signature's t is not a number of seconds");
    assertThat(stripe.problem(BYTES, "t=" + t + ",v0=abc", NOW))
        .contains("Stripe-Signature has no v1 signature");
    assertThat(stripe.problem(BYTES, FakeStripe.signatureHeader(BODY, t, "whsec_other"), NOW))
        .contains("no v1 signature in Stripe-Signature matches the body and the signing secret");
    assertThat(
            stripe.problem(
                (BODY + " ").getBytes(StandardCharsets.UTF_8),
                FakeStripe.signatureHeader(BODY, t, FakeStripe.WEBHOOK_SECRET),
                NOW))
        .as("a body changed by one byte")
        .isPresent();
    assertThat(
            stripe.problem(
                BYTES, FakeStripe.signatureHeader(BODY, t - 301, FakeStripe.WEBHOOK_SECRET), NOW))
        .contains(
            "the signature's timestamp is 301 s old, outside the tolerance of 300 s (a replayed or"
                + " delayed delivery)");
    assertThat(
            stripe.problem(
                BYTES, FakeStripe.signatureHeader(BODY, t + 301, FakeStripe.WEBHOOK_SECRET), NOW))
        .hasValueSatisfying(reason -> assertThat(reason).contains("301 s in the future"));
  }

  @Test
  void square_signs_the_notification_url_given_to_square_and_the_body() {
    String url = "https://gym.example.com/webhooks/square";
    SquareSignature square = new SquareSignature(FakeSquare.SIGNATURE_KEY, url);
    assertThat(square.problem(BYTES, FakeSquare.signature(url, BODY, FakeSquare.SIGNATURE_KEY)))
        .isEmpty();
    assertThat(square.of(BYTES))
        .isEqualTo(FakeSquare.signature(url, BODY, FakeSquare.SIGNATURE_KEY));
    assertThat(
            square.problem(
                BYTES,
                FakeSquare.signature(
                    "http://127.0.0.1:8080/webhooks/square", BODY, FakeSquare.SIGNATURE_KEY)))
        .as("signed for another URL")
        .hasValueSatisfying(reason -> assertThat(reason).contains("does not match", url));
    assertThat(square.problem(BYTES, FakeSquare.signature(url, BODY, "another-key"))).isPresent();
    assertThat(square.problem(BYTES, null)).contains("no x-square-hmacsha256-signature header");
  }

  @Test
  void neither_shows_its_secret() {
    assertThat(stripe.toString()).doesNotContain(FakeStripe.WEBHOOK_SECRET);
    assertThat(new SquareSignature(FakeSquare.SIGNATURE_KEY, "https://x.example.com/").toString())
        .doesNotContain(FakeSquare.SIGNATURE_KEY);
  }
}
