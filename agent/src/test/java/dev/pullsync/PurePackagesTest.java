package dev.pullsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The middle of the pipeline is pure: {@code spec}, {@code unseal}, {@code desired} and {@code
 * plan} see neither the Kubernetes client (fabric8) nor Git (JGit), and every stage package has a
 * package-info.java naming its job. This reads the sources, so fully-qualified uses count too.
 */
class PurePackagesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/pullsync");
  private static final List<String> PURE = List.of("spec", "unseal", "desired", "plan");
  private static final List<String> FORBIDDEN = List.of("io.fabric8", "org.eclipse.jgit");

  @Test
  void purePackagesImportNeitherFabric8NorJGit() throws IOException {
    List<String> offences = new ArrayList<>();
    for (String pkg : PURE) {
      Path dir = MAIN.resolve(pkg);
      assertThat(dir).isDirectory();
      offences.addAll(offencesIn(dir));
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void theScanSeesAForbiddenImport(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("Bad.java"),
        "package x;\nimport io.fabric8.kubernetes.client.KubernetesClient;\nclass Bad {}\n");
    Files.writeString(dir.resolve("Good.java"), "package x;\nclass Good {}\n");
    assertThat(offencesIn(dir)).containsExactly("Bad.java uses io.fabric8");
  }

  private static List<String> offencesIn(Path dir) throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (String forbidden : FORBIDDEN) {
          if (text.contains(forbidden)) {
            offences.add(dir.relativize(f) + " uses " + forbidden);
          }
        }
      }
    }
    return offences;
  }

  @Test
  void everyStagePackageSaysItsJob() throws IOException {
    List<String> stages =
        List.of("source", "spec", "unseal", "desired", "live", "plan", "apply", "report");
    for (String stage : stages) {
      Path info = MAIN.resolve(stage).resolve("package-info.java");
      assertThat(info).exists();
      assertThat(Files.readString(info)).containsPattern("/\\*\\*\\s*(\\*\\s*)?" + stage + ":");
    }
  }
}
