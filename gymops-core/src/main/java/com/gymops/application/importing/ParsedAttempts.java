package com.gymops.application.importing;

import com.gymops.domain.CollectionAttempt;
import java.util.List;

/**
 * The outcome of reading an attempts file: either every attempt in it, or the problems that stop it
 * from being imported. A file with any bad row imports nothing, so the two never both have entries.
 */
public record ParsedAttempts(List<CollectionAttempt> attempts, List<ImportProblem> problems) {

  public ParsedAttempts {
    attempts = List.copyOf(attempts);
    problems = List.copyOf(problems);
    if (!attempts.isEmpty() && !problems.isEmpty()) {
      throw new IllegalArgumentException("a file with problems imports no attempts");
    }
  }

  public boolean isAccepted() {
    return problems.isEmpty();
  }
}
