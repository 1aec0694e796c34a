package dev.pullsync.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints figures, asserts nothing (not a test): time to load a spec of N registries and N
 * PullSecrets in 20 files, cold (first load, schema compiled) and warm. Run with {@code java -cp
 * agent/target/test-classes:agent/target/pullsync.jar dev.pullsync.spec.SpecLoaderBenchmark}.
 */
public final class SpecLoaderBenchmark {
  private SpecLoaderBenchmark() {}

  public static void main(String[] args) throws IOException {
    String sealed =
        Files.readString(Path.of("examples/kubeflow-harbor/harbor.yaml"))
            .replaceAll("(?s).*sealed: (\\S+).*", "$1");
    for (int n : new int[] {100, 1000, 5000}) {
      Path root = Files.createTempDirectory("spec-bench");
      try {
        write(root, n, sealed);
        long t0 = System.nanoTime();
        SpecLoader loader = new SpecLoader();
        Spec spec = loader.load(root);
        long t1 = System.nanoTime();
        int rounds = 5;
        for (int i = 0; i < rounds; i++) {
          loader.load(root);
        }
        long t2 = System.nanoTime();
        System.out.printf(
            "%d registries + %d pull secrets: cold %.0f ms, warm %.1f ms (%.3f ms/document)%n",
            spec.registries().size(),
            spec.pullSecrets().size(),
            (t1 - t0) / 1e6,
            (t2 - t1) / 1e6 / rounds,
            (t2 - t1) / 1e6 / rounds / (2.0 * n));
      } finally {
        try (Stream<Path> files = Files.walk(root)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static void write(Path root, int n, String sealed) throws IOException {
    int perFile = Math.max(1, n / 20);
    for (int start = 0; start < n; start += perFile) {
      StringBuilder b = new StringBuilder();
      for (int i = start; i < Math.min(n, start + perFile); i++) {
        b.append("---\napiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: r")
            .append(i)
            .append("\nspec:\n  server: r")
            .append(i)
            .append(".example.com:5000\n  username: robot\n  password:\n    sealed: ")
            .append(sealed)
            .append("\n---\napiVersion: pullsync.dev/v1alpha1\nkind: PullSecret\nmetadata:\n")
            .append("  name: p")
            .append(i)
            .append("\nspec:\n  registries: [r")
            .append(i)
            .append("]\n  namespaces:\n    patterns: [\"team-")
            .append(i)
            .append("-*\"]\n    selector: {matchLabels: {team: t")
            .append(i)
            .append("}}\n");
      }
      Files.writeString(root.resolve("f" + start + ".yaml"), b);
    }
  }
}
