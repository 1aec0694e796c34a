package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChoosesAuthFromConfiguredFilesTest {
  @TempDir Path tmp;
  private final Optional<Path> none = Optional.empty();

  @Test
  void tokenWinsAndNothingMeansNone() throws Exception {
    Path token = Files.writeString(tmp.resolve("token"), "t0ken-value");
    assertThat(GitAuth.fromFiles(Optional.of(token), none, none, none, none, tmp))
        .isInstanceOf(HttpsAuth.class);
    assertThat(GitAuth.fromFiles(none, none, none, none, none, tmp)).isSameAs(GitAuth.none());
  }

  @Test
  void sshNeedsAKnownHostsFile() throws Exception {
    Path key = Files.writeString(tmp.resolve("id"), "key");
    assertThatThrownBy(() -> GitAuth.fromFiles(none, none, none, Optional.of(key), none, tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("git.auth.knownHostsFile: required with sshKeyFile");
    Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), "");
    try (GitAuth ssh =
        GitAuth.fromFiles(none, none, none, Optional.of(key), Optional.of(knownHosts), tmp)) {
      assertThat(ssh).isInstanceOf(SshAuth.class);
    }
  }

  @Test
  void aPasswordWithoutAUserIsIncomplete() throws Exception {
    Path password = Files.writeString(tmp.resolve("password"), "pw");
    assertThatThrownBy(() -> GitAuth.fromFiles(none, none, Optional.of(password), none, none, tmp))
        .hasMessage("git.auth: usernameFile and passwordFile must be given together");
  }
}
