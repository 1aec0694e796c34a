package dev.pullsync.cli;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.SpecLoader;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Resealer;
import dev.pullsync.unseal.SealingCertificate;
import dev.pullsync.unseal.SealingKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync reseal DIR --cert NEW.pem --key OLD.key}: after a key renewal, re-encrypts every
 * sealed value of the spec in {@code DIR} (inline {@code sealed:} values and {@code
 * sealedSecretFile} manifests) to the new certificate, keeping each value's scope and changing only
 * the ciphertext text in the files. The counterpart of {@code kubeseal --re-encrypt}.
 */
@Command(
    name = "reseal",
    mixinStandardHelpOptions = true,
    description = {
      "Re-encrypt every sealed value of a spec directory to a (renewed) certificate, same scopes;"
          + " only the ciphertexts in the files change.",
      "Example: pullsync reseal clusters/prod --cert new-tls.crt --key old-tls.key"
    })
final class ResealCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The spec directory.")
  Path dir;

  @Option(
      names = "--cert",
      required = true,
      paramLabel = "FILE",
      description = "The certificate (PEM) or RSA public key to seal for: the controller's newest.")
  Path cert;

  @Option(
      names = "--key",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Private key(s) that open the current values: PEM, a sealed-secrets key Secret or a key"
              + " backup List. Repeatable.")
  List<Path> keys;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "pullsync",
      description = "The agent's namespace, as for validate and run (default ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--dry-run", description = "Print what would change; write nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    SealingCertificate target =
        SealingCertificate.parse(
            CertificateFile.read(cert), cert.toString(), Clock.systemUTC().instant());
    KeyRing ring = KeyRing.load(keys);
    Path root = realRoot();
    dev.pullsync.spec.Spec loaded = new SpecLoader().load(root);
    Resealer.Result result =
        new Resealer(ring, namespace, new SecureRandom())
            .reseal(loaded, target.publicKey(), name -> read(root.resolve(name)));
    if (!result.problems().isEmpty()) {
      throw new InvalidSpecException(result.problems());
    }
    PrintWriter out = spec.commandLine().getOut();
    String verb = dryRun ? "would re-seal" : "re-sealed";
    result.changes().forEach(c -> out.println(c.describe(verb)));
    if (!dryRun) {
      for (Map.Entry<String, String> file : result.texts().entrySet()) {
        write(root.resolve(file.getKey()), file.getValue());
      }
    }
    out.printf(
        "%s %d value(s) in %d file(s) for key %s; %d already sealed for it%n",
        dryRun ? "would re-seal" : "re-sealed",
        result.changes().size(),
        result.texts().size(),
        SealingKey.shortId(target.publicKey()),
        result.current());
    out.flush();
    return ExitCode.OK;
  }

  private Path realRoot() {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      throw new InvalidSpecException(
          List.of(new Problem(new Location(dir.toString(), 1), "", "not a readable directory")));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
