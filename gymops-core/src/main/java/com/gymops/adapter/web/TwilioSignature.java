package com.gymops.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the
 * account's auth token, over the full URL Twilio requested followed by every POST parameter sorted
 * by name, each name immediately followed by its value (a name with several values: each value,
 * sorted, as Twilio's own validators do).
 *
 * <p>The URL must be the public one Twilio was given, not the one this process sees behind a proxy,
 * which is why it comes from {@code messaging.public_base_url}.
 */
public record TwilioSignature(String authToken) {
  public static final String HEADER = "X-Twilio-Signature";

  public TwilioSignature {
    if (authToken == null || authToken.isEmpty()) {
      throw new IllegalArgumentException("the auth token is needed to check signatures");
    }
  }

  /** The signature Twilio would send for this request. */
  public String of(String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
      List<String> values = new ArrayList<>(param.getValue());
      values.sort(null);
      for (String value : values) {
        data.append(param.getKey()).append(value);
      }
    }
    return Base64.getEncoder().encodeToString(hmacSha1(data.toString()));
  }

  /** Whether {@code signature} is Twilio's for this request; constant-time compare. */
  public boolean matches(String url, Map<String, List<String>> params, String signature) {
    if (signature == null || signature.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        of(url, params).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] hmacSha1(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "TwilioSignature[authToken=***]";
  }
}
