package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden pairs for {@code plan --offline-from} (spec change x inventory -> Markdown plan), each run
 * through the real command line: one directory per case under {@code offline-plan/} (see {@link
 * OfflineCase}). No cluster exists in these tests; the plan must come from the inventory alone. Set
 * {@code -Dgolden.update=true} to rewrite the expected files (then read every diff).
 */
class OfflinePlanGoldenTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyCasePlansAsExpected() throws Exception {
    List<String> names;
    try (Stream<Path> dirs = Files.list(OfflineCase.RESOURCES)) {
      names =
          dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(6);
    return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> check(n)));
  }

  private void check(String name) throws Exception {
    OfflineCase c = OfflineCase.prepare(name, Files.createDirectory(tmp.resolve(name)));
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--repo",
                c.repo().toString(),
                "--offline-from",
                c.inventory().toString(),
                "--format",
                "markdown"));
    args.addAll(c.extraArgs());
    CommandRun run = CommandRun.of("", args.toArray(String[]::new));
    String out = c.normalized(run.out());
    Path expected = c.dir().resolve("expected.md");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, out);
    }
    assertThat(run.exit()).as("%s exit; stderr: %s", name, run.err()).isEqualTo(c.expectedExit());
    assertThat(out).as(name).isEqualTo(Files.readString(expected));
    for (String canary : OfflineCase.CANARIES) {
      assertThat(run.out() + run.err()).doesNotContain(canary);
    }
  }
}
