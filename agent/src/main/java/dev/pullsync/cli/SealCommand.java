package dev.pullsync.cli;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.Scope;
import dev.pullsync.unseal.SealedText;
import dev.pullsync.unseal.SealingCertificate;
import dev.pullsync.unseal.UnsealException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync seal}: encrypts standard input for the controller's certificate and prints the
 * base64 value, exactly like {@code kubeseal --raw}; the controller (and pullsync) can open it.
 */
@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    description = {
      "Encrypt standard input with a sealed-secrets certificate; print base64 (kubeseal --raw).",
      "Example: printf %%s \"$PASSWORD\" | pullsync seal --cert tls.crt --scope namespace-wide"
          + " --namespace pullsync"
    })
final class SealCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--cert",
      required = true,
      paramLabel = "FILE",
      description = "Controller certificate (PEM) or RSA public key (PEM).")
  Path cert;

  @Option(
      names = "--scope",
      defaultValue = "strict",
      description = "strict (default), namespace-wide or cluster-wide.")
  String scope;

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace the value is bound to (strict, namespace-wide).")
  String namespace;

  @Option(names = "--name", description = "Secret name the value is bound to (strict).")
  String name;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(cert)) {
      throw new ParameterException(
          spec.commandLine(),
          "--cert "
              + cert
              + (Files.exists(cert)
                  ? ": not a regular file"
                  : ": no such file (it does not exist)"));
    }
    Scope s = scope();
    requireNamesFor(s);
    String pem = CertificateFile.read(cert);
    SealingCertificate target =
        SealingCertificate.parse(pem, cert.toString(), Clock.systemUTC().instant());
    byte[] plaintext = StdIn.readAll();
    PrintWriter out = spec.commandLine().getOut();
    try {
      byte[] sealed =
          new HybridCipher(new SecureRandom())
              .seal(target.publicKey(), plaintext, s.label(orEmpty(namespace), orEmpty(name)));
      out.print(SealedText.encode(sealed));
      out.flush();
      return ExitCode.OK;
    } catch (UnsealException e) {
      throw new InvalidSpecException(
          List.of(new Problem(new Location(cert.toString(), 1), "", e.getMessage())));
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
  }

  private Scope scope() {
    try {
      return Scope.parse(scope);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--scope: " + e.getMessage());
    }
  }

  private void requireNamesFor(Scope s) {
    if (s != Scope.CLUSTER_WIDE && isBlank(namespace)) {
      throw new ParameterException(
          spec.commandLine(), "--namespace is required with --scope " + s.text());
    }
    if (s == Scope.STRICT && isBlank(name)) {
      throw new ParameterException(
          spec.commandLine(),
          "--name is required with --scope strict (or use --scope namespace-wide)");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
