package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a local {@code --repo} the offline plan reads the checked-out files (the pull request as CI
 * checked it out, uncommitted edits included); with {@code --branch} it plans that branch's commit
 * instead, cloned as {@code plan} does.
 */
class OfflinePlanOfABranchOrTheCheckoutTest {
  @TempDir Path tmp;

  @Test
  void theCheckoutByDefaultTheCommitWithBranch() throws Exception {
    // committed: the cluster's revision; checked out on top: a re-sealed password
    OfflineCase c = OfflineCase.prepare("value-resealed-without-key", tmp);

    CommandRun checkout = plan(c);
    CommandRun branch = plan(c, "--branch", "main", "--work-dir", tmp.resolve("work").toString());

    assertThat(checkout.exit()).as(checkout.err()).isEqualTo(3);
    assertThat(checkout.out()).contains("(working tree)", "value re-sealed");
    assertThat(branch.exit()).as(branch.err()).isZero();
    assertThat(branch.out()).contains("main@sha1:" + c.commit(), "no changes");
  }

  private static CommandRun plan(OfflineCase c, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "plan", "--repo", c.repo().toString(), "--offline-from", c.inventory().toString()));
    args.addAll(java.util.List.of(extra));
    return CommandRun.of("", args.toArray(String[]::new));
  }
}
