package com.gymops.application.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** An import that stored nothing, with every problem found in the file. */
public final class ImportRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ImportProblem> problems;

  ImportRejectedException(Path file, List<ImportProblem> problems) {
    super(
        file
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + ", nothing imported\n"
            + problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  ImportRejectedException(Path file, String problem) {
    super(file + " " + problem + ", nothing imported");
    this.problems = List.of();
  }

  public List<ImportProblem> problems() {
    return problems;
  }
}
