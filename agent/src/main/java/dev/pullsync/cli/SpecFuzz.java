package dev.pullsync.cli;

import dev.pullsync.demo.BundledExamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Seeded fuzzing of {@code pullsync validate}: the bundled {@code multi-registry} example, its
 * files mutated (inserted YAML syntax, deletions, copies, nesting thousands deep, alias bombs,
 * wrong-type values, directives, oversized values), validated in-process. Each case is {@code seed
 * + index}, so any one case can be replayed. An outcome is the exit code, or {@code uncaught} when
 * something escaped the command, or {@code trace} when stderr shows a stack trace or names an
 * exception class.
 */
final class SpecFuzz {
  private static final List<String> FILES =
      List.of("registries.yaml", "pull-secrets.yaml", "sealed/ghcr.yaml");
  private static final List<String> FRAGMENTS =
      List.of(
          ":",
          "- ",
          "{",
          "}",
          "[",
          "]",
          "&a ",
          "*a",
          "*b",
          "\t",
          "\n",
          "  ",
          "'",
          "\"",
          "#",
          "---\n",
          "...\n",
          "!!binary ",
          "!!set ",
          "!!str ",
          "!!int ",
          "!!timestamp ",
          "!custom ",
          "? ",
          "|",
          ">",
          "null",
          "true",
          "12",
          "0x1F",
          ".inf",
          "-.nan",
          "1e400",
          "~",
          "@",
          "%",
          "%YAML 2.0\n",
          "%YAML 1.1\n",
          "%TAG ! tag:x,2000:\n",
          "<<: *a\n",
          "\u0000",
          "\u00e9",
          "\uFEFF",
          "\r\n",
          "\u0085",
          "\u2028",
          "\u0007",
          "\\x00");
  private static final List<String> WRONG =
      List.of("[a]", "{a: b}", "!!set {a, b}", "12", "true", "null", "\"\"", "[]", "{}");
  private static final Pattern TRACE =
      Pattern.compile("\\tat |\\b[A-Z]\\w*(Exception|Error)\\b|Exception in thread");

  private final Path work;

  SpecFuzz(Path work) {
    this.work = work;
  }

  /**
   * Runs {@code cases} cases from {@code seed}; the histogram of outcomes, and the first bad case.
   */
  Result run(long seed, int cases) {
    Map<String, Integer> histogram = new TreeMap<>();
    String firstBad = null;
    for (int i = 0; i < cases; i++) {
      long caseSeed = seed + i;
      String outcome = runCase(caseSeed);
      histogram.merge(outcome, 1, Integer::sum);
      if (firstBad == null && !outcome.equals("0") && !outcome.equals("2")) {
        firstBad = "case seed " + caseSeed + ": " + outcome;
      }
    }
    return new Result(histogram, firstBad);
  }

  /** One case: the histogram key of its outcome. */
  String runCase(long caseSeed) {
    SplittableRandom random = new SplittableRandom(caseSeed);
    Path dir = work.resolve("case-" + caseSeed);
    BundledExamples.copy("multi-registry", dir);
    try {
      for (String name : FILES) {
        if (random.nextInt(3) > 0) {
          Path file = dir.resolve(name);
          Files.write(
              file, mutate(Files.readString(file), random).getBytes(StandardCharsets.UTF_8));
        }
      }
      return outcome(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static String outcome(Path dir) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int code;
    try {
      code = cl.execute("validate", dir.toString());
    } catch (Throwable t) {
      return "uncaught " + t.getClass().getSimpleName();
    }
    return TRACE.matcher(err.toString()).find() ? "trace (exit " + code + ")" : "" + code;
  }

  static String mutate(String text, SplittableRandom random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(b.length() + 1);
      switch (random.nextInt(8)) {
        case 0, 1 -> b.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        case 2 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(20)));
        case 3 -> {
          int from = random.nextInt(b.length());
          b.insert(at, b.substring(from, Math.min(b.length(), from + 1 + random.nextInt(40))));
        }
        case 4 -> {
          int depth = 1 + random.nextInt(random.nextBoolean() ? 60 : 5000);
          String open = random.nextBoolean() ? "[" : "{a: ";
          String close = open.equals("[") ? "]" : "}";
          b.insert(at, open.repeat(depth) + close.repeat(depth));
        }
        case 5 -> wrongValue(b, random);
        case 6 -> b.insert(0, bomb(random));
        default -> b.insert(at, "x".repeat(random.nextInt(300_000)));
      }
      if (b.isEmpty()) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** Replaces the value after some {@code key: } with a value of another type. */
  private static void wrongValue(StringBuilder b, SplittableRandom random) {
    int colon = b.indexOf(": ", random.nextInt(b.length()));
    if (colon < 0) {
      return;
    }
    int end = b.indexOf("\n", colon);
    b.replace(colon + 2, end < 0 ? b.length() : end, WRONG.get(random.nextInt(WRONG.size())));
  }

  private static String bomb(SplittableRandom random) {
    int levels = 2 + random.nextInt(10);
    StringBuilder b = new StringBuilder("x0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < levels; i++) {
      b.append("x").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    return b.append("---\n").toString();
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the work folder is temporary
    }
  }

  /** The outcome counts, and the first case that was neither 0 nor 2 (null when none). */
  record Result(Map<String, Integer> histogram, String firstBad) {
    boolean clean() {
      return firstBad == null;
    }

    String describe() {
      StringBuilder out = new StringBuilder();
      histogram.forEach(
          (k, v) -> out.append("  exit ").append(k).append(": ").append(v).append('\n'));
      return out.toString();
    }
  }
}
