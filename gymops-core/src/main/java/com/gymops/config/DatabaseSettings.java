package com.gymops.config;

import java.util.Optional;

/**
 * Where the store lives. Without a URL GymOps uses the embedded SQLite file {@code gymops.db} in
 * the data directory. The password comes only from the environment ({@code
 * GYMOPS_DATABASE_PASSWORD}).
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
  public static final DatabaseSettings EMBEDDED = new DatabaseSettings(null, null, null, 10);

  public Optional<String> jdbcUrl() {
    return Optional.ofNullable(url);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", poolSize="
        + poolSize
        + "]";
  }
}
