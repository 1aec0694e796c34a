package dev.pullsync.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The re-seal commit, written without a working tree: the base commit's tree with only the
 * re-sealed spec files replaced, its one parent the base. Nothing is written to disk but Git
 * objects, and those hold the files as committed plus new ciphertexts: no plaintext.
 */
final class ResealCommit {
  private ResealCommit() {}

  /**
   * A commit on top of {@code base} with the files {@code rewrite} changes (spec-relative names
   * under {@code specPath}), or empty when it changes none.
   *
   * @throws ResealBranch.CannotRewrite when a spec file is not in the commit
   */
  static Optional<ObjectId> onto(
      Repository repo,
      RevCommit base,
      String specPath,
      ResealBranch.Rewrite rewrite,
      PersonIdent author,
      String message)
      throws IOException {
    String prefix = prefix(specPath);
    try (ObjectReader reader = repo.newObjectReader();
        ObjectInserter inserter = repo.newObjectInserter()) {
      Map<String, String> texts = rewrite.apply(name -> read(reader, base, prefix + name));
      if (texts.isEmpty()) {
        return Optional.empty();
      }
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base.getTree());
      builder.finish();
      DirCacheEditor editor = index.editor();
      for (Map.Entry<String, String> file : texts.entrySet()) {
        byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
        editor.add(blob(prefix + file.getKey(), inserter.insert(Constants.OBJ_BLOB, bytes)));
      }
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setParentId(base);
      commit.setAuthor(author);
      commit.setCommitter(author);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return Optional.of(id);
    }
  }

  /** {@code path/} as a repository path prefix ({@code ""} for the root). */
  static String prefix(String specPath) {
    String p = specPath.replace('\\', '/');
    StringBuilder out = new StringBuilder();
    for (String part : p.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        out.append(part).append('/');
      }
    }
    return out.toString();
  }

  private static String read(ObjectReader reader, RevCommit commit, String path) {
    try (TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
      if (walk == null) {
        throw new ResealBranch.CannotRewrite(path + " is not in commit " + commit.name());
      }
      byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
      return new String(content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DirCacheEditor.PathEdit blob(String path, ObjectId id) {
    return new DirCacheEditor.PathEdit(path) {
      @Override
      public void apply(DirCacheEntry entry) {
        if (entry.getRawMode() == 0) {
          entry.setFileMode(FileMode.REGULAR_FILE);
        }
        entry.setObjectId(id);
      }
    };
  }
}
