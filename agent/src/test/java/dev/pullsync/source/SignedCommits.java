package dev.pullsync.source;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Writes commits signed the way {@code git commit -S} signs them: over the unsigned commit. */
final class SignedCommits {
  /** Produces the armored signature for the unsigned commit bytes. */
  interface Signing {
    byte[] sign(byte[] payload) throws Exception;
  }

  private SignedCommits() {}

  /** A new commit on top of {@code parent} (same tree), signed by {@code signing} if not null. */
  static RevCommit commit(Repository repo, RevCommit parent, String message, Signing signing)
      throws Exception {
    PersonIdent who = SpecRepo.AUTHOR;
    CommitBuilder builder = new CommitBuilder();
    builder.setTreeId(parent.getTree());
    builder.setParentId(parent);
    builder.setAuthor(who);
    builder.setCommitter(who);
    builder.setMessage(message);
    if (signing != null) {
      byte[] signature = signing.sign(builder.build());
      builder.setGpgSignature(new GpgSignature(signature));
    }
    try (ObjectInserter inserter = repo.newObjectInserter();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId id = inserter.insert(builder);
      inserter.flush();
      return walk.parseCommit(id);
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
