package dev.pullsync.cli;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Scope;
import dev.pullsync.unseal.SealedSecretManifest;
import dev.pullsync.unseal.SealedText;
import dev.pullsync.unseal.UnsealException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync unseal}: the disaster-recovery path ({@code kubeseal --recovery-unseal}). Reads a
 * SealedSecret manifest from standard input and prints the Secret it seals as YAML; with {@code
 * --raw}, reads one base64 value and writes its plaintext bytes to standard output.
 */
@Command(
    name = "unseal",
    mixinStandardHelpOptions = true,
    description = {
      "Recovery: decrypt a SealedSecret manifest (stdin, YAML or JSON) into the Secret it seals.",
      "With --raw: decrypt one base64 value from stdin and print its plaintext."
    })
final class UnsealCommand implements Callable<Integer> {
  private static final String STDIN = "<stdin>";

  @Spec CommandSpec spec;

  @Option(
      names = "--key",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Private key: PEM (PKCS#1 or PKCS#8), a sealed-secrets key Secret or a key backup List."
              + " Repeatable.")
  List<Path> keys;

  @Option(names = "--raw", description = "Decrypt one raw value instead of a manifest.")
  boolean raw;

  @Option(names = "--scope", defaultValue = "strict", description = "With --raw: the scope.")
  String scope;

  @Option(
      names = {"-n", "--namespace"},
      description = "With --raw: the namespace.")
  String namespace;

  @Option(names = "--name", description = "With --raw: the Secret name.")
  String name;

  @Override
  public Integer call() {
    KeyRing ring = KeyRing.load(keys);
    String input = new String(StdIn.readAll(), StandardCharsets.UTF_8);
    if (raw) {
      return unsealRaw(ring, input);
    }
    SealedSecretManifest manifest = SealedSecretManifest.parse(input, STDIN);
    spec.commandLine().getOut().print(YamlText.of(manifest.unseal(ring)));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /** Plaintext may be binary, so it goes to the process's byte stream, not a text writer. */
  private int unsealRaw(KeyRing ring, String input) {
    Scope s;
    try {
      s = Scope.parse(scope);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--scope: " + e.getMessage());
    }
    if (s != Scope.CLUSTER_WIDE && (namespace == null || (s == Scope.STRICT && name == null))) {
      throw new ParameterException(
          spec.commandLine(),
          "--raw with --scope "
              + s.text()
              + " needs --namespace"
              + (s == Scope.STRICT ? " and --name" : ""));
    }
    String ns = namespace == null ? "" : namespace;
    String n = name == null ? "" : name;
    try {
      byte[] plain = ring.open(SealedText.decode(input), s.label(ns, n));
      PrintStream out = System.out;
      out.write(plain);
      out.flush();
      return ExitCode.OK;
    } catch (UnsealException e) {
      String why =
          e.reason() == UnsealException.Reason.NO_KEY
              ? e.getMessage() + " for scope " + s.describe(ns, n)
              : e.getMessage();
      throw new InvalidSpecException(List.of(new Problem(new Location(STDIN, 1), "", why)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
