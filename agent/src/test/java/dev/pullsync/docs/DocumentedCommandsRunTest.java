package dev.pullsync.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code pullsync} command in a fenced block of README.md, docs/*.md and examples/README.md
 * parses (its subcommand and options exist), and every one that can run offline here (validate,
 * seal, unseal, help and version, with the files it names present in the repository) runs and exits
 * 0. Placeholders ({@code ...}, {@code $VAR}) are parsed where possible, never run.
 */
class DocumentedCommandsRunTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern FENCE = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");
  private static final Pattern LAUNCHER =
      Pattern.compile("^(?:\\$ )?(?:bin/)?(?:pullsync|java -jar agent/target/pullsync\\.jar)\\s");
  private static final Set<String> OFFLINE = Set.of("validate", "seal", "unseal", "--help", "-h");

  record Documented(String file, String line, List<String> args, String stdin) {}

  @Test
  void everyDocumentedCommandParsesAndTheOfflineOnesRun() throws IOException {
    List<Documented> commands = documented();
    assertThat(commands).as("commands found in the docs").hasSizeGreaterThan(10);
    int ran = 0;
    for (Documented c : commands) {
      if (c.line().contains("...") || c.line().contains("$")) {
        continue; // a placeholder: neither parsable nor runnable as written
      }
      assertParses(c);
      if (runnable(c)) {
        run(c);
        ran++;
      }
    }
    assertThat(ran).as("offline commands run").isGreaterThanOrEqualTo(4);
  }

  private static void assertParses(Documented c) {
    CommandLine cl = Main.commandLine();
    try {
      cl.parseArgs(c.args().toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(c.file() + ": `" + c.line() + "` does not parse: " + e.getMessage());
    }
  }

  private static boolean runnable(Documented c) {
    if (c.args().isEmpty() || !OFFLINE.contains(c.args().get(0))) {
      return false;
    }
    return c.args().stream()
        .filter(DocumentedCommandsRunTest::namesAFile)
        .allMatch(a -> Files.exists(ROOT.resolve(a)));
  }

  private static void run(Documented c) {
    List<String> args = c.args().stream().map(DocumentedCommandsRunTest::absolute).toList();
    InputStream oldIn = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin(c)));
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args.toArray(String[]::new));
      assertThat(exit).as("%s: `%s`: %s", c.file(), c.line(), err).isZero();
    } finally {
      System.setIn(oldIn);
    }
  }

  private static byte[] stdin(Documented c) {
    if (c.stdin() == null) {
      return new byte[0];
    }
    if (c.stdin().startsWith("<")) {
      try {
        return Files.readAllBytes(ROOT.resolve(c.stdin().substring(1).strip()));
      } catch (IOException e) {
        throw new AssertionError(c.file() + ": `" + c.line() + "`: cannot read its input", e);
      }
    }
    return c.stdin().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean namesAFile(String arg) {
    return !arg.startsWith("-")
        && (arg.contains("/") || arg.matches(".*\\.(pem|crt|key|yaml|yml|json)$"));
  }

  private static String absolute(String arg) {
    return namesAFile(arg) && Files.exists(ROOT.resolve(arg)) ? ROOT.resolve(arg).toString() : arg;
  }

  /** Every launcher command in a fenced block, with continuation lines joined. */
  static List<Documented> documented() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    files.add(ROOT.resolve("examples/README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Documented> found = new ArrayList<>();
    for (Path file : files) {
      Matcher m = FENCE.matcher(Files.readString(file));
      while (m.find()) {
        String block = m.group(1).replaceAll("\\\\\\n\\s*", " ");
        for (String line : block.split("\\n")) {
          command(ROOT.relativize(file).toString(), line.strip()).ifPresent(found::add);
        }
      }
    }
    return found;
  }

  private static java.util.Optional<Documented> command(String file, String line) {
    String stdin = null;
    String rest = line;
    Matcher printf = Pattern.compile("^printf %s '([^']*)' \\| (.*)$").matcher(line);
    if (printf.matches()) {
      stdin = printf.group(1);
      rest = printf.group(2);
    }
    if (!LAUNCHER.matcher(rest).find()) {
      return java.util.Optional.empty();
    }
    rest = rest.replaceFirst("\\s+#.*$", "");
    int redirect = rest.indexOf(" < ");
    if (redirect >= 0) {
      stdin = "<" + rest.substring(redirect + 3).strip();
      rest = rest.substring(0, redirect);
    }
    List<String> words = new ArrayList<>(List.of(rest.replaceFirst("^\\$ ", "").split("\\s+")));
    int skip = words.get(0).equals("java") ? 3 : 1;
    List<String> args = new ArrayList<>();
    for (String w : words.subList(skip, words.size())) {
      args.add(w.replaceAll("^'(.*)'$", "$1").replaceAll("^\"(.*)\"$", "$1"));
    }
    return java.util.Optional.of(new Documented(file, line, args, stdin));
  }
}
