package dev.pullsync.cli;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.PullSecretSpec;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.Spec;
import dev.pullsync.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/**
 * {@code pullsync validate DIR}: the offline check of a checkout. Problems go to stderr, one line
 * each ({@code file:line: field: problem}), exit 2; a clean spec prints a one-line summary, exit 0.
 */
@Command(
    name = "validate",
    description = "Check a spec directory offline: schema, names, references, globs, ciphertexts.")
final class ValidateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec(Target.SELF)
  picocli.CommandLine.Model.CommandSpec command;

  @Parameters(index = "0", paramLabel = "DIR", description = "The spec directory to check.")
  Path dir;

  @Option(
      names = "--namespace",
      defaultValue = SpecLoader.DEFAULT_AGENT_NAMESPACE,
      description =
          "The agent's own namespace (default: ${DEFAULT-VALUE}): a sealedSecretFile must be"
              + " sealed for it or cluster-wide.")
  String namespace;

  @Option(
      names = "--verbose",
      description = "Also list every Registry and PullSecret found (never a credential).")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println(
          "pullsync validate: "
              + dir
              + (Files.exists(dir) ? " is not a directory" : ": no such directory"));
      return ExitCode.INVALID_INPUT;
    }
    // InvalidSpecException reaches Main, which prints every problem and exits 2.
    Spec spec = new SpecLoader(namespace).load(dir);
    if (spec.registries().isEmpty() && spec.pullSecrets().isEmpty()) {
      // A wrong path in CI must not pass as an empty, valid spec.
      err.println("pullsync validate: " + dir + ": no Registry or PullSecret found (wrong path?)");
      return ExitCode.INVALID_INPUT;
    }
    if (verbose) {
      for (RegistrySpec r : spec.registries()) {
        out.println(
            r.location() + ": Registry " + r.name() + " (" + r.server() + ", " + form(r) + ")");
      }
      for (PullSecretSpec p : spec.pullSecrets()) {
        out.println(
            p.location() + ": PullSecret " + p.name() + " -> " + String.join(", ", p.registries()));
      }
    }
    out.println(
        "OK: "
            + dir
            + ": "
            + plural(spec.registries().size(), "registry", "registries")
            + ", "
            + plural(spec.pullSecrets().size(), "pull secret", "pull secrets"));
    return ExitCode.OK;
  }

  private static String form(RegistrySpec r) {
    if (r.credential() instanceof CredentialSource.SealedSecretFile f) {
      return "sealedSecretFile " + f.path();
    }
    return r.credential() instanceof CredentialSource.DockerConfigJson
        ? "dockerConfigJson"
        : "username and password";
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
