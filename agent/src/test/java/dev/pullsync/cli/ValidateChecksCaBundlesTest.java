package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.TestCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Registry's {@code caBundle}, inline PEM or a file in the repository: validate accepts a good
 * one and says what is wrong with any other (not PEM, unparseable, expired, missing, outside the
 * spec directory, together with {@code insecure}).
 */
class ValidateChecksCaBundlesTest {
  static final TestCa CA = new TestCa("registry CA");

  @TempDir Path root;

  @Test
  void acceptsInlinePemAndAFileInTheRepository() throws IOException {
    write("  caBundle: |\n" + indent(CA.pem()));
    assertThat(ValidateRun.of(root).exitCode()).isZero();

    Files.createDirectories(root.resolve("certs"));
    Files.writeString(root.resolve("certs/ca.pem"), CA.pem());
    write("  caBundle: certs/ca.pem\n");
    assertThat(ValidateRun.of(root).exitCode()).isZero();
  }

  @Test
  void refusesWhatIsNotAUsableBundle() throws IOException {
    write("  caBundle: \"-----BEGIN PRIVATE KEY-----\"\n");
    ValidateRun.of(root)
        .assertRejectedWith("registry.yaml:7: spec.caBundle: holds no PEM CERTIFICATE block");

    write(
        "  caBundle: |\n    -----BEGIN CERTIFICATE-----\n    bm90IGEgY2VydA==\n"
            + "    -----END CERTIFICATE-----\n");
    ValidateRun.of(root)
        .assertRejectedWith(
            "registry.yaml:7: spec.caBundle: is not valid PEM: a CERTIFICATE block does not parse");

    write("  caBundle: |\n" + indent(new TestCa("old CA", -1).pem()));
    assertThat(ValidateRun.of(root).err())
        .startsWith("registry.yaml:7: spec.caBundle: certificate \"CN=old CA\" expired on ")
        .contains("put the registry's current CA certificate here");

    write("  caBundle: certs/missing.pem\n");
    ValidateRun.of(root)
        .assertRejectedWith(
            "registry.yaml:7: spec.caBundle: file certs/missing.pem does not exist");

    write("  caBundle: ../outside.pem\n");
    ValidateRun.of(root)
        .assertRejectedWith(
            "registry.yaml:7: spec.caBundle: points outside the spec directory: refused");

    write("  insecure: true\n  caBundle: |\n" + indent(CA.pem()));
    ValidateRun.of(root)
        .assertRejectedWith(
            "registry.yaml:8: spec.caBundle: has no use with insecure: true (plain HTTP has no"
                + " certificate); remove one of them");
  }

  private void write(String caBundleLines) throws IOException {
    Files.writeString(
        root.resolve("registry.yaml"),
        "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: harbor\n"
            + "spec:\n  server: harbor.example.com\n"
            + caBundleLines
            + "  dockerConfigJson:\n    sealed: "
            + ValidateOpensSealedFilesOnlyForOwnNamespaceTest.ciphertext()
            + "\n");
  }

  private static String indent(String pem) {
    return pem.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
  }
}
