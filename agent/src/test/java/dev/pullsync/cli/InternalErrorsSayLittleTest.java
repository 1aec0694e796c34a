package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An unexpected exception inside a subcommand is exit 4 with one line naming its type, never its
 * message (which may carry data); the subcommand's own --verbose adds the stack frames, still
 * without messages.
 */
class InternalErrorsSayLittleTest {
  private static final String CANARY = "canary-internal-Harbor12345";

  @Command(name = "top", subcommands = Boom.class)
  static final class Top {}

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Option(names = "--verbose")
    boolean verbose;

    @Override
    public Integer call() {
      throw new IllegalStateException("password was " + CANARY);
    }
  }

  @Test
  void oneLineWithoutTheMessage() {
    StringWriter err = new StringWriter();
    int code = run(err, "boom");
    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString().strip()).isEqualTo("pullsync: internal error: IllegalStateException");
  }

  @Test
  void theSubcommandsVerboseFlagAddsTheStackTrace() {
    StringWriter err = new StringWriter();
    int code = run(err, "boom", "--verbose");
    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString())
        .contains("java.lang.IllegalStateException")
        .contains("\tat ")
        .contains("InternalErrorsSayLittleTest$Boom.call")
        .doesNotContain(CANARY);
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new Top());
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(Main::handleExecutionException);
    return cl.execute(args);
  }
}
