package com.gymops.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One LLM exchange step of an agent run, as stored with the run: the decision whether to ask the
 * model, a request, a response or an error, its JSON with secrets redacted.
 *
 * @param kind {@code decision}, {@code request}, {@code response} or {@code error}
 */
public record TranscriptEntry(int seq, String kind, Instant recordedAt, String body) {
  public TranscriptEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(body, "body");
  }
}
