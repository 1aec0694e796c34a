package dev.pullsync.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes one cluster's report files (and inventory) on top of a branch tip, without a working tree:
 * the tip's tree is copied entry by entry and only this cluster's two paths are replaced, so
 * whatever else the branch holds (other clusters' reports) is carried over untouched.
 */
final class ReportCommitter {
  private final ReportTarget target;

  ReportCommitter(ReportTarget target) {
    this.target = target;
  }

  /**
   * A new commit whose parent is {@code tip} (or an orphan commit when {@code tip} is null), or
   * empty when the tip already holds the same report apart from its timestamp.
   */
  Optional<ObjectId> commitOnto(
      Repository repo, ObjectId tip, Report report, ReportFiles files, PersonIdent author)
      throws IOException {
    String yamlPath = target.yamlPath(report.cluster());
    String markdownPath = target.markdownPath(report.cluster());
    String inventoryPath = target.inventoryPath(report.cluster());
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk walk = new RevWalk(reader);
        ObjectInserter inserter = repo.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      boolean reportSame = false;
      boolean inventorySame = files.inventory().isEmpty();
      if (tip != null) {
        RevCommit tipCommit = walk.parseCommit(tip);
        Optional<String> oldYaml = read(reader, tipCommit, yamlPath);
        Optional<String> oldMarkdown = read(reader, tipCommit, markdownPath);
        reportSame =
            oldYaml.isPresent()
                && oldMarkdown.isPresent()
                && files.sameApartFromTime(oldYaml.get(), oldMarkdown.get());
        inventorySame = files.inventoryUnchanged(read(reader, tipCommit, inventoryPath));
        if (reportSame && inventorySame) {
          return Optional.empty();
        }
        DirCacheBuilder builder = index.builder();
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, tipCommit.getTree());
        builder.finish();
      }
      DirCacheEditor editor = index.editor();
      if (!reportSame) {
        editor.add(blob(yamlPath, inserter.insert(Constants.OBJ_BLOB, bytes(files.yaml()))));
        editor.add(
            blob(markdownPath, inserter.insert(Constants.OBJ_BLOB, bytes(files.markdown()))));
      }
      if (!inventorySame) {
        byte[] inventory = bytes(files.inventory().get());
        editor.add(blob(inventoryPath, inserter.insert(Constants.OBJ_BLOB, inventory)));
      }
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      if (tip != null) {
        commit.setParentId(tip);
      }
      commit.setAuthor(author);
      commit.setCommitter(author);
      commit.setMessage(CommitMessage.of(report));
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return Optional.of(id);
    }
  }

  private static Optional<String> read(ObjectReader reader, RevCommit commit, String path)
      throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
      if (walk == null) {
        return Optional.empty();
      }
      byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
      return Optional.of(new String(content, StandardCharsets.UTF_8));
    }
  }

  private static DirCacheEditor.PathEdit blob(String path, ObjectId id) {
    return new DirCacheEditor.PathEdit(path) {
      @Override
      public void apply(DirCacheEntry entry) {
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(id);
      }
    };
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
