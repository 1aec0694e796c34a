package dev.pullsync.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/** A bare repository served by the test Git servers, fed from a working clone. */
final class SpecRepo implements AutoCloseable {
  static final PersonIdent AUTHOR = new PersonIdent("Platform Team", "platform@example.com");
  private final Git bare;
  private final Git work;

  private SpecRepo(Git bare, Git work) {
    this.bare = bare;
    this.work = work;
  }

  static SpecRepo create(Path dir) throws GitAPIException {
    Git bare =
        Git.init()
            .setBare(true)
            .setInitialBranch("main")
            .setDirectory(dir.resolve("spec.git").toFile())
            .call();
    Git work =
        Git.init().setInitialBranch("main").setDirectory(dir.resolve("spec-work").toFile()).call();
    return new SpecRepo(bare, work);
  }

  Repository bare() {
    return bare.getRepository();
  }

  Path bareDir() {
    return bare.getRepository().getDirectory().toPath();
  }

  Git work() {
    return work;
  }

  /** Commits one file and pushes it to the bare repository. */
  RevCommit commit(String path, String content) throws IOException, GitAPIException {
    Path file = work.getRepository().getWorkTree().toPath().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    work.add().addFilepattern(path).call();
    RevCommit commit =
        work.commit().setMessage("change " + path).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
    push();
    return commit;
  }

  void push() throws GitAPIException {
    work.push().setRemote(bareDir().toString()).add("main").setForce(true).call();
  }

  @Override
  public void close() {
    work.close();
    bare.close();
  }
}
