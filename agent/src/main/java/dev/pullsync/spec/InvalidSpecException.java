package dev.pullsync.spec;

import java.util.List;

/**
 * A stalled failure: the revision's input is invalid (parse, schema, references, ciphertext).
 * Nothing of it is applied and retrying will not help until the input changes. Carries every
 * problem found, sorted by file and line.
 */
public final class InvalidSpecException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidSpecException(List<Problem> problems) {
    super(summary(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "invalid input";
    }
    return problems.size() == 1
        ? problems.get(0).toString()
        : problems.get(0) + " (and " + (problems.size() - 1) + " more problems)";
  }
}
