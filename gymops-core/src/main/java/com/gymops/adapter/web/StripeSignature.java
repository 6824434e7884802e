package com.gymops.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature, as Stripe documents it ("Verify webhook signatures manually",
 * https://docs.stripe.com/webhooks#verify-manually; the libraries' {@code Webhook.constructEvent},
 * e.g. https://stripe.dev/stripe-java/com/stripe/net/Webhook.Signature.html): the header {@code
 * Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=...]}; each {@code v1} is the
 * lowercase hex HMAC-SHA256 of {@code t + "." + body}, keyed with the endpoint's signing secret
 * ({@code whsec_...}), over the body's bytes as received. Elements other than {@code t} and {@code
 * v1} are ignored; a header with several {@code v1} (a secret being rolled) passes when any
 * matches. A signature whose {@code t} is further than the tolerance from now (300 s by default, as
 * in Stripe's libraries) is refused even when it matches: a captured delivery cannot be replayed
 * later. Pure, apart from the JDK's HMAC.
 */
public record StripeSignature(String secret, Duration tolerance) {
  public static final String HEADER = "Stripe-Signature";

  public StripeSignature {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the signing secret is needed to check signatures");
    }
  }

  /** Why the header does not sign {@code body} at {@code now}; empty when it does. */
  public Optional<String> problem(byte[] body, String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.of("no " + HEADER + " header");
    }
    Long timestamp = null;
    List<String> signatures = new ArrayList<>();
    for (String element : header.split(",")) {
      int eq = element.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = element.substring(0, eq).trim();
      String value = element.substring(eq + 1).trim();
      if (key.equals("t")) {
        try {
          timestamp = Long.parseLong(value);
        } catch (NumberFormatException e) {
          return Optional.of(HEADER + "'s t is not a number of seconds");
        }
      } else if (key.equals("v1")) {
        signatures.add(value.toLowerCase(Locale.ROOT));
      }
    }
    if (timestamp == null) {
      return Optional.of(HEADER + " has no timestamp (t=)");
    }
    if (signatures.isEmpty()) {
      return Optional.of(HEADER + " has no v1 signature");
    }
    byte[] expected = of(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    boolean matches = false;
    for (String given : signatures) {
      // Every candidate is compared, in constant time, so the time taken says nothing.
      matches |= MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }
    if (!matches) {
      return Optional.of(
          "no v1 signature in " + HEADER + " matches the body and the signing secret");
    }
    long age = now.getEpochSecond() - timestamp;
    if (Math.abs(age) > tolerance.toSeconds()) {
      return Optional.of(
          "the signature's timestamp is "
              + Math.abs(age)
              + " s "
              + (age > 0 ? "old" : "in the future")
              + ", outside the tolerance of "
              + tolerance.toSeconds()
              + " s (a replayed or delayed delivery)");
    }
    return Optional.empty();
  }

  /** The hex {@code v1} for {@code body} signed at {@code timestamp}. */
  public String of(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "StripeSignature[secret=***, tolerance=" + tolerance + "]";
  }
}
