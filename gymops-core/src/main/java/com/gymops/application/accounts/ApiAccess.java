package com.gymops.application.accounts;

import com.gymops.application.care.Actor;
import com.gymops.application.care.NotFoundException;
import com.gymops.application.port.store.ApiTokens;
import com.gymops.config.GymOpsConfig;
import com.gymops.domain.ApiToken;
import com.gymops.domain.ClubId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bearer tokens of the JSON API. A token's secret is shown once, when it is created; only its
 * SHA-256 is stored, so a copy of the database lets nobody in. A secret has 256 random bits, so a
 * plain hash (no salt, no stretching) is enough and lets a request find its token by the hash.
 */
public final class ApiAccess {
  private static final String PREFIX = "gyo_";

  private final GymOpsConfig config;
  private final ApiTokens tokens;
  private final SecureRandom random;
  private final Clock clock;

  public ApiAccess(GymOpsConfig config, ApiTokens tokens, SecureRandom random, Clock clock) {
    this.config = config;
    this.tokens = tokens;
    this.random = random;
    this.clock = clock;
  }

  /** A new token and its secret, which is not stored anywhere. */
  public record Created(ApiToken token, String secret) {}

  /**
   * @param club the only club the token may act on; {@code null} for every club
   * @throws IllegalArgumentException for a blank or taken name or an unknown club
   */
  public Created create(String name, ClubId named) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a token needs a --name");
    }
    if (named != null && config.club(named).isEmpty()) {
      throw new IllegalArgumentException("no club '" + named + "' in the configuration");
    }
    // Stored as the configuration spells it: the token's scope is compared by that spelling.
    ClubId club = named == null ? null : config.club(named).orElseThrow().club().id();
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token =
        new ApiToken("tok-" + UUID.randomUUID(), name.strip(), club, clock.instant(), null);
    if (!tokens.add(token, hash(secret))) {
      throw new IllegalArgumentException("a token named '" + name.strip() + "' exists already");
    }
    return new Created(token, secret);
  }

  /**
   * @throws NotFoundException when no unrevoked token has this name
   */
  public void revoke(String name) {
    if (!tokens.revoke(name, clock.instant())) {
      throw new NotFoundException("no active token named '" + name + "'");
    }
  }

  public List<ApiToken> all() {
    return tokens.all();
  }

  /** The actor of a request's bearer secret: empty when unknown or revoked. */
  public Optional<Actor> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return tokens
        .byHash(hash(secret))
        .filter(token -> !token.revoked())
        .map(token -> new Actor("token:" + token.name(), token.club()));
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
