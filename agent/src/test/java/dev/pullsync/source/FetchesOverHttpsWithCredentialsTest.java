package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchesOverHttpsWithCredentialsTest {
  private static final String TOKEN = "canary-ghp-5f1e0c9a7b3d";

  @TempDir Path tmp;
  private SpecRepo spec;
  private RevCommit head;

  @BeforeEach
  void repo() throws Exception {
    spec = SpecRepo.create(tmp);
    head = spec.commit("registries/harbor.yaml", "kind: Registry\n");
  }

  @AfterEach
  void closeRepo() {
    spec.close();
  }

  @Test
  void clonesWithATokenFromAFileSentAsTheTokenUser() throws Exception {
    Path tokenFile = write("token", TOKEN + "\n");
    try (GitHttpServer server = new GitHttpServer(spec.bare(), HttpsAuth.TOKEN_USER, TOKEN);
        Git clone = clone(server.url(), HttpsAuth.token(tokenFile))) {
      assertThat(clone.getRepository().resolve("refs/heads/main")).isEqualTo(head);
      assertThat(server.usersSeen()).contains(HttpsAuth.TOKEN_USER);
    }
  }

  @Test
  void clonesWithUserAndPasswordFiles() throws Exception {
    Path user = write("username", "robot\n");
    Path password = write("password", TOKEN);
    try (GitHttpServer server = new GitHttpServer(spec.bare(), "robot", TOKEN);
        Git clone = clone(server.url(), HttpsAuth.basic(user, password))) {
      assertThat(clone.getRepository().resolve("refs/heads/main")).isEqualTo(head);
    }
  }

  @Test
  void readsARotatedTokenOnTheNextConnection() throws Exception {
    Path tokenFile = write("token", "old-token-value");
    HttpsAuth auth = HttpsAuth.token(tokenFile, "ci");
    try (GitHttpServer server = new GitHttpServer(spec.bare(), "ci", TOKEN)) {
      assertThatThrownBy(() -> clone(server.url(), auth).close())
          .isInstanceOf(TransportException.class);
      Files.writeString(tokenFile, TOKEN);
      try (Git clone = clone(server.url(), auth)) {
        assertThat(clone.getRepository().resolve("refs/heads/main")).isEqualTo(head);
      }
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
    String wrong = "canary-wrong-pass-8c2d";
    Path user = write("username", "robot");
    Path password = write("password", wrong);
    HttpsAuth auth = HttpsAuth.basic(user, password);
    try (GitHttpServer server = new GitHttpServer(spec.bare(), "robot", TOKEN)) {
      Throwable failure =
          org.assertj.core.api.Assertions.catchThrowable(() -> clone(server.url(), auth));
      assertThat(failure).isInstanceOf(TransportException.class);
      String described = RedactedUrl.describe(failure, auth.secrets());
      assertThat(described).containsIgnoringCase("not authorized").doesNotContain(wrong, TOKEN);
    }
  }

  @Test
  void withoutCredentialsTheServerRefuses() throws Exception {
    try (GitHttpServer server = new GitHttpServer(spec.bare(), "robot", TOKEN)) {
      assertThatThrownBy(() -> clone(server.url(), GitAuth.none()))
          .isInstanceOf(TransportException.class);
    }
  }

  private Git clone(String url, GitAuth auth) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "clone");
    return Git.cloneRepository()
        .setURI(url)
        .setDirectory(dir.toFile())
        .setBare(true)
        .setTransportConfigCallback(auth)
        .call();
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(tmp.resolve(name), content);
  }
}
