package com.gymops.application.port.store;

import com.gymops.domain.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Bearer tokens of the JSON API, by the SHA-256 of their secret. Thread-safe. */
public interface ApiTokens {
  /** Returns false when the name is taken. */
  boolean add(ApiToken token, String hash);

  /** The token with this secret's hash, revoked or not. */
  Optional<ApiToken> byHash(String hash);

  /** Returns false when no unrevoked token has this name. */
  boolean revoke(String name, Instant at);

  List<ApiToken> all();
}
