package dev.pullsync.cli;

import dev.pullsync.desired.SourceDigest;
import dev.pullsync.spec.Spec;
import dev.pullsync.spec.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * One golden case of {@code plan --offline-from} under {@code offline-plan/<case>/}: {@code
 * previous/} is the spec the cluster holds (committed, so the inventory's revision is in the
 * repository), {@code spec/} the pull request's checked-out files, {@code inventory.yaml} what the
 * agent published (with {@code ${previous}} for that commit and {@code ${digest:NAME}} for a
 * PullSecret's source digest in {@code previous/}), {@code case.properties} the expected exit code
 * and extra arguments, {@code expected.md} the Markdown plan.
 */
record OfflineCase(String name, Path dir, Path repo, String commit, Path inventory) {
  static final Path RESOURCES = Path.of("src/test/resources/offline-plan");
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final List<String> CANARIES = List.of("canary-Pw-7f3a9Q", "other-Pw-2b8c1Z");
  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "Platform Team",
          "platform@example.com",
          Instant.parse("2026-11-29T17:00:00Z"),
          ZoneOffset.UTC);
  private static final Pattern DIGEST = Pattern.compile("\\$\\{digest:([^}]+)}");

  /** Builds the case's repository and inventory under {@code tmp}. */
  static OfflineCase prepare(String name, Path tmp) throws Exception {
    Path dir = RESOURCES.resolve(name);
    Path repo = tmp.resolve("repo");
    String commit;
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      copy(dir.resolve("previous"), repo);
      git.add().addFilepattern(".").call();
      commit =
          git.commit()
              .setMessage("cluster's revision")
              .setAuthor(AUTHOR)
              .setCommitter(AUTHOR)
              .setSign(false)
              .call()
              .name();
    }
    try (Stream<Path> files = Files.list(dir.resolve("previous"))) {
      for (Path f : files.toList()) {
        Files.delete(repo.resolve(f.getFileName().toString()));
      }
    }
    copy(dir.resolve("spec"), repo);
    Spec previous = new SpecLoader().load(dir.resolve("previous"));
    String text =
        Files.readString(dir.resolve("inventory.yaml"))
            .replace("${previous}", "main@sha1:" + commit);
    Matcher m = DIGEST.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String digest =
          SourceDigest.of(
              previous,
              previous.pullSecrets().stream()
                  .filter(p -> p.name().equals(m.group(1)))
                  .findFirst()
                  .orElseThrow());
      m.appendReplacement(out, Matcher.quoteReplacement(digest));
    }
    m.appendTail(out);
    Path inventory = tmp.resolve("inventory.yaml");
    Files.writeString(inventory, out.toString());
    return new OfflineCase(name, dir, repo, commit, inventory);
  }

  Properties properties() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve("case.properties"))) {
      p.load(in);
    }
    return p;
  }

  /** The extra arguments, with {@code ${root}} the repository root of pullsync itself. */
  List<String> extraArgs() throws IOException {
    String args = properties().getProperty("args", "").strip();
    return args.isEmpty()
        ? List.of()
        : List.of(args.replace("${root}", ROOT.toString()).split("\\s+"));
  }

  int expectedExit() throws IOException {
    return Integer.parseInt(properties().getProperty("exit").strip());
  }

  /** Output with this run's commit id written as {@code ${previous}}, so goldens stay stable. */
  String normalized(String output) {
    return output.replace(inventory.toString(), "inventory.yaml").replace(commit, "${previous}");
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()));
      }
    }
  }
}
