package dev.pullsync.report;

/**
 * The commit message of a report commit: {@code status(<cluster>): <Result> at <short rev> — N
 * drifted, M failed}.
 */
final class CommitMessage {
  private CommitMessage() {}

  static String of(Report report) {
    return "status("
        + report.cluster()
        + "): "
        + report.result().display()
        + " at "
        + shortRevision(report.revision())
        + " \u2014 "
        + report.counts().drifted()
        + " drifted, "
        + report.counts().failed()
        + " failed\n";
  }

  /**
   * {@code main@sha1:0123456789...} becomes {@code 0123456}; anything else (e.g. {@code unknown})
   * is shown as it is.
   */
  static String shortRevision(String revision) {
    int at = revision.lastIndexOf("sha1:");
    if (at < 0) {
      return revision;
    }
    String commit = revision.substring(at + "sha1:".length());
    return commit.substring(0, Math.min(7, commit.length()));
  }
}
