package dev.pullsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pullsync} command: one subcommand per job, one exit-code table for all. */
@Command(
    name = "pullsync",
    mixinStandardHelpOptions = true,
    version = "pullsync 0.1.0",
    description = "Keeps container-registry pull credentials in Kubernetes exactly as Git says.")
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
