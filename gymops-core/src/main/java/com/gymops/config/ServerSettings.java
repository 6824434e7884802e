package com.gymops.config;

import java.time.Duration;

/**
 * How {@code gymops serve} runs: the HTTP port, and how the scheduler's nodes watch each other. An
 * execution whose node missed {@code missedHeartbeats} heartbeats in a row is taken over by another
 * node, so a dead node delays its work by minutes rather than db-scheduler's default half hour.
 *
 * @param threads how many workflow runs one node executes at once
 * @param publicUrl the address people open the console at; null when unset. An https address makes
 *     the console's cookies {@code Secure}
 * @param sessionIdle a console session ends after this long without a request
 * @param sessionMaxAge and this long after its login, whatever happens
 * @param runLease how long a run holds its (workflow, club) lease when {@code server.run_lease} is
 *     set; null for the default (10 minutes, or the agent's time budget plus 5 minutes when
 *     longer). On PostgreSQL a killed run's lease frees only when it expires, so it bounds how long
 *     the next run of that workflow for that club is refused; it must outlast the longest run
 * @param retentionDays {@code server.retention_days}: transcripts, message texts and inbound texts
 *     older than this many days are purged by {@code serve} (docs/SECURITY.md)
 */
public record ServerSettings(
    int port,
    Duration heartbeatInterval,
    int missedHeartbeats,
    int threads,
    String publicUrl,
    Duration sessionIdle,
    Duration sessionMaxAge,
    Duration runLease,
    int retentionDays) {
  public static final int DEFAULT_RETENTION_DAYS = 90;

  public static final ServerSettings DEFAULTS =
      new ServerSettings(
          8080,
          Duration.ofMinutes(1),
          4,
          4,
          null,
          Duration.ofMinutes(30),
          Duration.ofHours(12),
          null,
          DEFAULT_RETENTION_DAYS);

  public ServerSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not 0 to 65535");
    }
    if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
      throw new IllegalArgumentException("the heartbeat interval must be positive");
    }
    if (sessionIdle.isZero()
        || sessionIdle.isNegative()
        || sessionMaxAge.compareTo(sessionIdle) < 0) {
      throw new IllegalArgumentException(
          "session_idle_timeout must be positive and at most session_max_age");
    }
    if (runLease != null && (runLease.isZero() || runLease.isNegative())) {
      throw new IllegalArgumentException("the run lease must be positive");
    }
    if (retentionDays < 1) {
      throw new IllegalArgumentException("retention_days must be at least 1");
    }
  }

  /** Whether the console is reached over https, so its cookies may only travel that way. */
  public boolean secureCookies() {
    return publicUrl != null && publicUrl.startsWith("https://");
  }
}
