package dev.pullsync.cli;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.IoWords;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.unseal.KeySecret;
import dev.pullsync.unseal.PemObjects;
import dev.pullsync.unseal.SealingKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync keygen}: a sealing key pair in the controller's format: {@code tls.crt}, {@code
 * tls.key} (PKCS#1) and {@code sealed-secrets-key.yaml}, a {@code kubernetes.io/tls} Secret in
 * {@code kube-system} labelled as an active sealed-secrets key, ready for {@code kubectl apply}.
 * Files are created mode 0600 where the file system allows; existing files are never overwritten.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = "Generate a sealed-secrets key pair (tls.crt, tls.key, key Secret manifest).")
final class KeygenCommand implements Callable<Integer> {
  static final String MANIFEST = "sealed-secrets-key.yaml";

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--bits",
      defaultValue = "4096",
      description = "RSA key size (default ${DEFAULT-VALUE}, as the controller).")
  int bits;

  @Option(
      names = "--namespace",
      defaultValue = "kube-system",
      description = "Namespace of the key Secret (the controller's; default ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public Integer call() {
    if (bits < 2048) {
      throw new ParameterException(spec.commandLine(), "--bits must be at least 2048");
    }
    for (String f : List.of("tls.crt", "tls.key", MANIFEST)) {
      if (Files.exists(out.resolve(f))) {
        throw new InvalidSpecException(
            List.of(
                new Problem(
                    new Location(out.resolve(f).toString(), 1),
                    "",
                    "already exists; keygen never overwrites a key")));
      }
    }
    SealingKeyGenerator.Generated key =
        new SealingKeyGenerator(Clock.systemUTC(), new SecureRandom()).generate(bits);
    String crt = PemObjects.write(key.certificate());
    String pkcs1 = PemObjects.write(key.keyPair().getPrivate());
    String name = "sealed-secrets-key-" + key.sealingKey("new").shortId().substring(0, 8);
    try {
      Files.createDirectories(out);
      write(out.resolve("tls.crt"), crt);
      write(out.resolve("tls.key"), pkcs1);
      write(out.resolve(MANIFEST), YamlText.of(secret(name, crt, pkcs1)));
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println(out + ": cannot write the key files (" + IoWords.file(e) + ")");
      return ExitCode.FAILED;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s, %s and %s (Secret %s/%s)%n",
            out.resolve("tls.crt"), out.resolve("tls.key"), out.resolve(MANIFEST), namespace, name);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  private Map<String, Object> secret(String name, String crt, String key) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    metadata.put("labels", Map.of(KeySecret.KEY_LABEL, KeySecret.ACTIVE));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tls.crt", base64(crt));
    data.put("tls.key", base64(key));
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("apiVersion", "v1");
    secret.put("kind", "Secret");
    secret.put("metadata", metadata);
    secret.put("type", "kubernetes.io/tls");
    secret.put("data", data);
    return secret;
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path file, String text) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      throw new InvalidSpecException(
          List.of(new Problem(new Location(file.toString(), 1), "", "already exists")));
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
