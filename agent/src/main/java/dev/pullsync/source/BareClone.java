package dev.pullsync.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A bare Git repository in a {@link WorkFolder} this process holds alone: the folder is claimed and
 * the repository opened (or initialised) on first use, and released on {@link #close()} (the folder
 * stays for reuse). The report's clone and the re-seal branch's clone each have one.
 */
public final class BareClone implements AutoCloseable {
  private static final Duration FOLDER_WAIT = Duration.ofMinutes(2);

  private final Path workDir;
  private final String folderName;
  private final String initialBranch;
  private WorkFolder folder;
  private Git git;

  /**
   * @param folderName the folder's name under {@code workDir} (see {@link WorkFolder#nameFor})
   * @param initialBranch the branch a freshly initialised repository starts on
   */
  public BareClone(Path workDir, String folderName, String initialBranch) {
    this.workDir = workDir;
    this.folderName = folderName;
    this.initialBranch = initialBranch;
  }

  /** The repository, claiming the folder and opening or initialising it on first use. */
  public Git git() throws IOException, GitAPIException {
    if (folder == null) {
      folder = WorkFolder.claim(workDir, folderName, FOLDER_WAIT);
    }
    if (git == null) {
      File dir = folder.dir().toFile();
      git =
          new File(dir, "HEAD").isFile()
              ? Git.open(dir)
              : Git.init().setBare(true).setDirectory(dir).setInitialBranch(initialBranch).call();
    }
    return git;
  }

  /** The folder the clone lives in (claimed by the first use). */
  public Path dir() {
    return folder.dir();
  }

  /** Closes the repository and empties its folder (if claimed), so the next use clones afresh. */
  public void reset() {
    closeGit();
    if (folder != null) {
      folder.reset();
    }
  }

  private void closeGit() {
    if (git != null) {
      git.close();
      git = null;
    }
  }

  /** Closes the repository and releases this process's claim on its folder. */
  @Override
  public void close() {
    closeGit();
    if (folder != null) {
      folder.close();
      folder = null;
    }
  }
}
