package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of {@code pullsync validate} with captured output, for the validate tests. */
record ValidateRun(int exitCode, String out, String err) {

  static ValidateRun of(Path dir, String... options) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(List.of(options));
    args.add(dir.toString());
    int code = cl.execute(args.toArray(String[]::new));
    return new ValidateRun(code, out.toString(), err.toString());
  }

  /** The fixture directory {@code spec/bad/<name>} on the test classpath. */
  static Path fixture(String name) {
    try {
      return Path.of(ValidateRun.class.getResource("/spec/bad/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("no fixture spec/bad/" + name, e);
    }
  }

  List<String> errLines() {
    return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
  }

  /** Asserts exit 2, exactly these stderr lines, nothing on stdout and no stack trace. */
  void assertRejectedWith(String... lines) {
    assertThat(errLines()).as("stderr of validate").containsExactly(lines);
    assertThat(exitCode).as("exit code").isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(out).as("stdout").isEmpty();
    assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
