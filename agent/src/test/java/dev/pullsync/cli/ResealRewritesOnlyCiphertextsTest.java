package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.spec.Spec;
import dev.pullsync.spec.SpecLoader;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Unsealed;
import dev.pullsync.unseal.Unsealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pullsync reseal} moves every sealed value of the multi-registry example (inline username,
 * password, dockerConfigJson, and a sealedSecretFile manifest) from the demo key to key A: the
 * files differ only in their ciphertexts, the values open with key A alone and give the same
 * credentials, a second run finds nothing to do, and a dry run writes nothing.
 */
class ResealRewritesOnlyCiphertextsTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "multi-registry");
  private static final String DEMO_KEY =
      Path.of("..", "examples", "demo-key", "tls.key").toString();
  private static final Pattern CIPHERTEXT = Pattern.compile("Ag[A-Za-z0-9+/]{300,}={0,2}");

  @TempDir Path tmp;

  @Test
  void rewritesOnlyTheCiphertextsAndTheValuesOpenWithTheNewKey() {
    Path dir = copy(EXAMPLE, tmp.resolve("spec"));
    Map<String, String> before = texts(dir);
    Unsealed original = unseal(dir, DEMO_KEY);

    CommandRun run =
        CommandRun.of(
            "", "reseal", dir.toString(), "--cert", CryptoCommandsTest.CERT_A, "--key", DEMO_KEY);

    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, String> after = texts(dir);
    int total = 0;
    for (String file : before.keySet()) {
      assertThat(masked(after.get(file))).as(file).isEqualTo(masked(before.get(file)));
      List<String> old = ciphertexts(before.get(file));
      assertThat(ciphertexts(after.get(file))).as(file).hasSameSizeAs(old);
      ciphertexts(after.get(file)).forEach(c -> assertThat(old).as(file).doesNotContain(c));
      total += old.size();
    }
    assertThat(total).isGreaterThanOrEqualTo(5);
    assertThat(run.out().lines().filter(l -> l.contains(": re-sealed namespace-wide (pullsync)")))
        .hasSize(total);
    assertThat(run.out())
        .contains("registries.yaml:")
        .contains("sealed/ghcr.yaml:")
        .contains("re-sealed " + total + " value(s) in 2 file(s)");
    Unsealed moved = unseal(dir, CryptoCommandsTest.KEY_A);
    assertThat(moved.credentials()).isEqualTo(original.credentials());

    CommandRun again =
        CommandRun.of(
            "",
            "reseal",
            dir.toString(),
            "--cert",
            CryptoCommandsTest.CERT_A,
            "--key",
            CryptoCommandsTest.KEY_A);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("re-sealed 0 value(s) in 0 file(s)", total + " already sealed");
    assertThat(texts(dir)).isEqualTo(after);
  }

  @Test
  void dryRunPrintsButWritesNothing() {
    Path dir = copy(EXAMPLE, tmp.resolve("spec"));
    Map<String, String> before = texts(dir);

    CommandRun run =
        CommandRun.of(
            "",
            "reseal",
            dir.toString(),
            "--cert",
            CryptoCommandsTest.CERT_A,
            "--key",
            DEMO_KEY,
            "--dry-run");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains(": would re-seal namespace-wide (pullsync)");
    assertThat(texts(dir)).isEqualTo(before);
  }

  @Test
  void aValueNoKeyOpensIsAnErrorAndNothingIsWritten() {
    Path dir = copy(EXAMPLE, tmp.resolve("spec"));
    Map<String, String> before = texts(dir);

    CommandRun run =
        CommandRun.of(
            "",
            "reseal",
            dir.toString(),
            "--cert",
            CryptoCommandsTest.CERT_A,
            "--key",
            CryptoCommandsTest.KEY_A);

    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("registries.yaml:").contains("no key");
    assertThat(texts(dir)).isEqualTo(before);
  }

  private static Unsealed unseal(Path dir, String key) {
    Spec spec = new SpecLoader().load(dir);
    return new Unsealer(KeyRing.load(List.of(Path.of(key))), "pullsync").unseal(spec);
  }

  private static String masked(String text) {
    return CIPHERTEXT.matcher(text).replaceAll("<ciphertext>");
  }

  private static List<String> ciphertexts(String text) {
    Matcher m = CIPHERTEXT.matcher(text);
    return m.results().map(r -> r.group()).toList();
  }

  private static Map<String, String> texts(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      Map<String, String> out = new TreeMap<>();
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), Files.readString(f));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
