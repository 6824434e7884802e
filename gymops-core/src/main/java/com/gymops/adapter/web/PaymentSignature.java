package com.gymops.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment webhook's signature: {@code X-GymOps-Signature: sha256=<hex>}, the lowercase hex
 * HMAC-SHA256 of the raw request body keyed with {@code GYMOPS_PAYMENTS_SECRET} (the scheme of
 * GitHub's and most payment providers' webhooks). It is computed over the bytes as received, before
 * any JSON parsing, so a re-serialised body can never pass for the signed one.
 */
public record PaymentSignature(String secret) {
  public static final String HEADER = "X-GymOps-Signature";
  static final String PREFIX = "sha256=";

  public PaymentSignature {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the secret is needed to check signatures");
    }
  }

  /** The header value for this body. */
  public String of(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Whether {@code header} signs {@code body}; hex case is ignored, the compare is constant-time.
   */
  public boolean matches(byte[] body, String header) {
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    String given = PREFIX + header.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
    return MessageDigest.isEqual(
        of(body).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "PaymentSignature[secret=***]";
  }
}
