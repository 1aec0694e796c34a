package dev.pullsync.cli;

import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.SpecRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real spec repository (sealed canary password) and a mock cluster, driven through {@code
 * pullsync run --once} and {@code pullsync plan} exactly as a user would.
 */
final class EngineCli {
  static final String PULL_SECRET =
      """
      apiVersion: pullsync.dev/v1alpha1
      kind: PullSecret
      metadata:
        name: harbor-credentials
      spec:
        registries: [harbor]
        namespaces:
          names: [user-example-com]
          patterns: ["team-*"]
        serviceAccounts: [default]
      """;

  final SpecRepo repo;
  final MockCluster cluster;
  final Path tmp;

  EngineCli(Path tmp, MockCluster cluster) {
    this.tmp = tmp;
    this.cluster = cluster;
    this.repo = new SpecRepo(tmp);
    repo.write("harbor.yaml", repo.registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY))
        .write("pull-secret.yaml", PULL_SECRET)
        .commit("harbor for the user namespace");
  }

  CommandRun run(String command, String... extra) {
    List<String> args = new ArrayList<>(List.of(command));
    if (command.equals("run")) {
      args.add("--once");
    }
    args.addAll(
        List.of(
            "--repo",
            repo.dir().toString(),
            "--key",
            repo.keyFile().toString(),
            "--kubeconfig",
            cluster.kubeconfig(tmp).toString(),
            "--work-dir",
            tmp.resolve("work").toString(),
            "--cluster",
            "test"));
    List<String> more = List.of(extra);
    if (command.equals("run") && !more.contains("--report-branch")) {
      args.add("--no-report");
    }
    args.addAll(more);
    return CommandRun.of("", args.toArray(String[]::new));
  }
}
