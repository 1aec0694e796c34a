package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a script of examples/ci with {@code sh}, as a CI runner would, and captures its output. */
final class Sh {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path CI = ROOT.resolve("examples/ci");

  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Sh() {}

  /** Runs {@code sh [shOptions] examples/ci/SCRIPT args} in {@code dir} with {@code env} added. */
  static Result run(
      Path dir, Map<String, String> env, List<String> shOptions, String script, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("sh"));
    cmd.addAll(shOptions);
    cmd.add(CI.resolve(script).toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("sh-out", ".txt");
    Path err = Files.createTempFile("sh-err", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      // Nothing of the test JVM's own CI variables leaks into the script: it sees only what a test
      // gives.
      pb.environment()
          .keySet()
          .removeIf(
              k ->
                  k.startsWith("GITHUB_")
                      || k.startsWith("CI_")
                      || k.startsWith("GITLAB_")
                      || k.startsWith("PULLSYNC"));
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      assertThat(done).as(script + " finished").isTrue();
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static Result run(Path dir, Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    return run(dir, env, List.of(), script, args);
  }
}
