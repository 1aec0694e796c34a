package dev.pullsync.report;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.SchemaValidator;
import dev.pullsync.spec.YamlLimits;
import dev.pullsync.spec.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Where {@code plan --offline-from} finds the published inventory: a file (when one exists at that
 * path), else a Git ref in the local repository, {@code REF} (the file {@code
 * status/<cluster>.inventory.yaml} in it) or {@code REF:PATH}. The text is checked against {@code
 * inventory.schema.json}, so a broken file is named with its line and field. Reads only; never
 * fetches.
 */
public final class InventorySource {
  private static final String OPTION = "--offline-from";

  /** A published inventory and the words naming where it came from ({@code ref:path} or file). */
  public record Loaded(String name, PublishedInventory inventory) {}

  private InventorySource() {}

  /**
   * Reads {@code source}.
   *
   * @param repository the local Git repository a ref is read from, if there is one
   * @param cluster the cluster whose file a bare {@code REF} names, if known
   * @throws InvalidSpecException naming the file or ref and what is wrong with it
   */
  public static Loaded load(String source, Optional<Path> repository, Optional<String> cluster) {
    Path file = Path.of(source);
    if (Files.isRegularFile(file)) {
      return parse(source, read(file));
    }
    int colon = source.indexOf(':');
    String ref = colon < 0 ? source : source.substring(0, colon);
    String path =
        colon < 0
            ? cluster
                .map(c -> ReportTarget.DEFAULT_DIRECTORY + "/" + c + ".inventory.yaml")
                .orElseThrow(
                    () ->
                        invalid(
                            source
                                + ": no such file; as a Git ref it names"
                                + " status/<cluster>.inventory.yaml: pass --cluster NAME"
                                + " (or REF:PATH)"))
            : source.substring(colon + 1);
    Path repo =
        repository
            .filter(Files::isDirectory)
            .orElseThrow(
                () ->
                    invalid(
                        source
                            + ": no such file, and no local Git repository (--repo) to read"
                            + " it from as a ref"));
    return parse(ref + ":" + path, readFromRef(repo, ref, path, source));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw invalid(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String readFromRef(Path repoDir, String ref, String path, String source) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(repoDir.toFile());
    if (builder.getGitDir() == null) {
      throw invalid(
          source
              + ": no such file, and "
              + repoDir
              + " is not a Git repository to read a ref from");
    }
    try (Repository repo = builder.build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId id = repo.resolve(ref + "^{commit}");
      if (id == null) {
        throw invalid(
            source
                + ": no such file, and no ref "
                + ref
                + " in "
                + repoDir
                + " (fetch the report branch first, e.g. git fetch origin pullsync-status)");
      }
      RevCommit commit = walk.parseCommit(id);
      try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
        if (tree == null) {
          throw invalid(ref + " has no file " + path + " (is the cluster name right?)");
        }
        return new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw invalid(
          source + ": cannot read Git repository " + repoDir + " (" + e.getMessage() + ")");
    }
  }

  /** Schema problems with their lines first; then the records (which the schema cannot miss). */
  static Loaded parse(String name, String text) {
    if (text.length() <= YamlLimits.MAX_CHARS) {
      YamlReader.Result read = new YamlReader().parse(text.getBytes(StandardCharsets.UTF_8), name);
      List<Problem> problems = new ArrayList<>(read.problems());
      if (problems.stream().anyMatch(p -> p.message().startsWith("YAML refused:"))) {
        problems.clear(); // the spec reader's limits, not a fault: a big fleet's inventory
      }
      if (problems.isEmpty() && read.documents().size() > 1) {
        problems.add(new Problem(new Location(name, 1), "", "expected one YAML document"));
      }
      if (problems.isEmpty() && read.documents().size() == 1) {
        problems.addAll(
            SchemaValidator.forSchema("inventory.schema.json").validate(read.documents().get(0)));
      }
      if (!problems.isEmpty()) {
        throw new InvalidSpecException(problems);
      }
    }
    try {
      return new Loaded(name, PublishedInventory.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(
          List.of(
              new Problem(
                  new Location(name, 1), "", "not a pullsync inventory: " + e.getMessage())));
    }
  }

  private static InvalidSpecException invalid(String message) {
    return new InvalidSpecException(List.of(new Problem(Location.COMMAND_LINE, OPTION, message)));
  }
}
