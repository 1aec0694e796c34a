package dev.pullsync.cli;

/** The one exit-code table every command uses (documented in README and docs/how-it-works.md). */
public final class ExitCode {
  /** Success; for {@code plan}: nothing to change. */
  public static final int OK = 0;

  /** The reconcile or command failed (e.g. an object could not be written, Git unreachable). */
  public static final int FAILED = 1;

  /** Invalid input: spec, config, flags or ciphertext. */
  public static final int INVALID_INPUT = 2;

  /** {@code plan} found changes. */
  public static final int CHANGES_PENDING = 3;

  /** An internal error (a bug): please report it. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
