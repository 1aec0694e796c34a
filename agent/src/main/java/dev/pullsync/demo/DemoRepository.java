package dev.pullsync.demo;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A throwaway Git repository holding one bundled example on {@code main}, as a user's would. */
public final class DemoRepository {
  private DemoRepository() {}

  /** Creates {@code dir} as a repository whose one commit on {@code main} is {@code example}. */
  public static Path create(String example, Path dir) {
    BundledExamples.copy(example, dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      PersonIdent demo = new PersonIdent("pullsync demo", "demo@pullsync.invalid");
      git.commit()
          .setMessage("Example " + example + " (pullsync demo)")
          .setAuthor(demo)
          .setCommitter(demo)
          .setSign(false)
          .call();
      return dir;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create the demo repository in " + dir, e);
    }
  }
}
