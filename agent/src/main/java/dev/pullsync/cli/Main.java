package dev.pullsync.cli;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code pullsync} command: one subcommand per job and one exit-code table ({@link ExitCode})
 * mapped here, in one place.
 */
@Command(
    name = "pullsync",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    version = "pullsync 0.1.0",
    description = "Keeps container-registry pull credentials in Kubernetes exactly as Git says.",
    subcommands = {
      SealCommand.class,
      UnsealCommand.class,
      ResealCommand.class,
      KeygenCommand.class,
      ValidateCommand.class,
      RunCommand.class,
      PlanCommand.class,
      dev.pullsync.demo.DemoCommand.class,
      dev.pullsync.bench.BenchCommand.class,
      FuzzCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    try {
      return cl.execute(args);
    } catch (Error e) { // picocli maps exceptions only; an Error would end the JVM with a trace
      cl.getErr().println("pullsync: internal error: " + e.getClass().getSimpleName());
      cl.getErr().flush();
      return ExitCode.INTERNAL;
    }
  }

  /** The configured picocli command line, with the exit-code mapping installed. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(Main::exitCodeFor);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("pullsync: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.INVALID_INPUT;
        });
    cl.setExecutionExceptionHandler(Main::handleExecutionException);
    return cl;
  }

  static int exitCodeFor(Throwable t) {
    if (t instanceof InvalidSpecException || t instanceof CommandLine.ParameterException) {
      return ExitCode.INVALID_INPUT;
    }
    return ExitCode.INTERNAL;
  }

  /** Maps an exception a command threw to one stderr line and its exit code. */
  static int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof InvalidSpecException invalid) {
      for (Problem p : invalid.problems()) {
        err.println(p.location().isCommandLine() ? "pullsync: " + p : p.toString());
      }
      return ExitCode.INVALID_INPUT;
    }
    if (ex instanceof CommandLine.ParameterException bad) {
      err.println("pullsync: " + bad.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    // cl is the (sub)command that threw; the top-level parse result never holds its options.
    boolean verbose = cl.getParseResult().hasMatchedOption("--verbose");
    err.println("pullsync: internal error: " + ex.getClass().getSimpleName());
    if (verbose) {
      printFramesOnly(ex, err);
    }
    return ExitCode.INTERNAL;
  }

  /** The stack trace with exception types and frames but no messages: those may carry data. */
  private static void printFramesOnly(Throwable t, PrintWriter err) {
    for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
      err.println((cur == t ? "" : "Caused by: ") + cur.getClass().getName());
      for (StackTraceElement frame : cur.getStackTrace()) {
        err.println("\tat " + frame);
      }
    }
  }
}
