package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-seal branch is never the spec branch, by construction: when the spec branch is itself
 * named {@code pullsync/reseal-<key id>} (in either spelling) the offer is refused before anything
 * is read or pushed, and a key id that is not hex (one that could name another ref) is refused too.
 * Every branch of the remote stays where it was.
 */
class ResealBranchNeverTargetsTheSpecBranchTest {
  private static final String KEY_ID = "0123456789abcdef";

  @TempDir Path tmp;

  @Test
  void refusesToPushToTheSpecBranch() throws Exception {
    try (SpecRepo repo = SpecRepo.create(tmp)) {
      RevCommit head = repo.commit("registries.yaml", "kind: Registry\n");
      repo.work()
          .push()
          .setRemote(repo.bareDir().toString())
          .setRefSpecs(new RefSpec("main:refs/heads/pullsync/reseal-" + KEY_ID))
          .call();
      Map<String, String> before = heads(repo);
      AtomicInteger rewrites = new AtomicInteger();

      for (String specBranch :
          new String[] {"pullsync/reseal-" + KEY_ID, "refs/heads/pullsync/reseal-" + KEY_ID}) {
        try (ResealBranch branch = branch(repo, specBranch)) {
          ResealBranch.Outcome outcome =
              branch.offer(
                  head.name(),
                  KEY_ID,
                  read -> {
                    rewrites.incrementAndGet();
                    return Map.of("registries.yaml", "kind: Registry # re-sealed\n");
                  });
          assertThat(outcome.status()).isEqualTo(ResealBranch.Status.FAILED);
          assertThat(outcome.message()).contains("it is the spec branch");
        }
      }
      try (ResealBranch branch = branch(repo, "main")) {
        ResealBranch.Outcome outcome =
            branch.offer(head.name(), "../../main", read -> Map.of("registries.yaml", "x\n"));
        assertThat(outcome.status()).isEqualTo(ResealBranch.Status.FAILED);
        assertThat(outcome.message()).contains("is not a key id");
      }

      assertThat(rewrites).hasValue(0);
      assertThat(heads(repo)).isEqualTo(before);
      assertThatThrownBy(() -> ResealBranch.branchFor(KEY_ID, "pullsync/reseal-" + KEY_ID))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(ResealBranch.branchFor(KEY_ID, "main")).isEqualTo("pullsync/reseal-" + KEY_ID);
    }
  }

  private ResealBranch branch(SpecRepo repo, String specBranch) {
    SourceOptions options =
        SourceOptions.local(repo.bareDir().toString(), specBranch, "")
            .withWorkDir(tmp.resolve("work"));
    return new ResealBranch(options, "pullsync", "pullsync@test.invalid", Clock.systemUTC());
  }

  private static Map<String, String> heads(SpecRepo repo) throws Exception {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Ref ref : repo.bare().getRefDatabase().getRefsByPrefix("refs/")) {
      out.put(ref.getName(), ref.getObjectId().name());
    }
    return out;
  }
}
