package dev.pullsync.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Registry's {@code spec.caBundle}: inline PEM, or a path (relative to the spec root,
 * inside it) of a PEM file. Checks that it parses into at least one certificate, that none has
 * expired, and that the Registry is not also {@code insecure} (plain HTTP has no certificate to
 * check).
 */
final class CaBundleReader {
  private static final String FIELD = "spec.caBundle";
  private static final List<Object> AT = List.of("spec", "caBundle");

  private final Path realRoot;
  private final Clock clock;

  CaBundleReader(Path realRoot, Clock clock) {
    this.realRoot = realRoot;
    this.clock = clock;
  }

  /** The bundle, empty when there is none or when {@code out} received a problem for it. */
  Optional<CaBundle> read(YamlDocument doc, List<Problem> out) {
    JsonNode node = doc.at(AT);
    if (!node.isString() || node.asString().isBlank()) {
      return Optional.empty(); // absent, or a schema problem already
    }
    Location at = doc.location(AT);
    if (doc.at(List.of("spec", "insecure")).asBoolean(false)) {
      out.add(
          new Problem(
              at,
              FIELD,
              "has no use with insecure: true (plain HTTP has no certificate); remove one of them"));
      return Optional.empty();
    }
    String value = node.asString();
    Optional<CaBundle> bundle =
        value.strip().startsWith("-----BEGIN")
            ? Optional.of(new CaBundle(value, "inline", at))
            : fromFile(value.strip(), at, out);
    return bundle.filter(b -> valid(b, out));
  }

  private Optional<CaBundle> fromFile(String path, Location at, List<Problem> out) {
    Optional<Path> file = RepoPath.resolve(realRoot, path, FIELD, at, out);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (Files.size(file.get()) > CaBundle.MAX_BYTES) {
        out.add(new Problem(at, FIELD, path + " is larger than 1 MiB"));
        return Optional.empty();
      }
      String pem = Files.readString(file.get(), StandardCharsets.US_ASCII);
      return Optional.of(new CaBundle(pem, path, at));
    } catch (IOException | RuntimeException e) {
      out.add(new Problem(at, FIELD, "cannot read " + path + " as ASCII PEM"));
      return Optional.empty();
    }
  }

  private boolean valid(CaBundle bundle, List<Problem> out) {
    String what = bundle.origin().equals("inline") ? "" : bundle.origin() + " ";
    List<X509Certificate> certificates;
    try {
      certificates = bundle.certificates();
    } catch (IllegalArgumentException e) {
      out.add(new Problem(bundle.location(), FIELD, what + e.getMessage()));
      return false;
    }
    Instant now = clock.instant();
    boolean ok = true;
    for (X509Certificate c : certificates) {
      if (c.getNotAfter().toInstant().isBefore(now)) {
        out.add(
            new Problem(
                bundle.location(),
                FIELD,
                what
                    + "certificate \""
                    + c.getSubjectX500Principal().getName()
                    + "\" expired on "
                    + c.getNotAfter().toInstant()
                    + "; put the registry's current CA certificate here"));
        ok = false;
      }
    }
    return ok;
  }
}
