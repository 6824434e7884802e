package com.gymops.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Square's webhook signature, as Square documents it ("Validate that the notification is from
 * Square", https://developer.squareup.com/docs/webhooks/step3validate; the headers in
 * https://developer.squareup.com/docs/webhooks/step2subscribe): {@code
 * x-square-hmacsha256-signature} is the base64 HMAC-SHA256 of the notification URL followed by the
 * body's bytes as received, keyed with the subscription's signature key. The URL is the one Square
 * was given for the subscription, byte for byte ({@code payments.square.notification_url}), not
 * what the request looks like behind a proxy. The scheme has no timestamp: a replayed body is
 * stopped by its {@code event_id}, which GymOps handles once. Pure, apart from the JDK's HMAC.
 */
public record SquareSignature(String signatureKey, String notificationUrl) {
  public static final String HEADER = "x-square-hmacsha256-signature";

  public SquareSignature {
    if (signatureKey == null || signatureKey.isEmpty()) {
      throw new IllegalArgumentException("the signature key is needed to check signatures");
    }
    if (notificationUrl == null || notificationUrl.isEmpty()) {
      throw new IllegalArgumentException("the notification URL is part of what Square signs");
    }
  }

  /** Why the header does not sign {@code body}; empty when it does. */
  public Optional<String> problem(byte[] body, String header) {
    if (header == null || header.isBlank()) {
      return Optional.of("no " + HEADER + " header");
    }
    boolean matches =
        MessageDigest.isEqual(
            of(body).getBytes(StandardCharsets.US_ASCII),
            header.trim().getBytes(StandardCharsets.US_ASCII));
    return matches
        ? Optional.empty()
        : Optional.of(
            HEADER
                + " does not match the body, the signature key and the notification URL "
                + notificationUrl);
  }

  /** The header value for {@code body}. */
  public String of(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signatureKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(notificationUrl.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SquareSignature[signatureKey=***, notificationUrl=" + notificationUrl + "]";
  }
}
