package dev.pullsync.testkit;

import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.Scope;
import dev.pullsync.unseal.SealingKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A real spec repository in a temp folder, with a freshly generated sealing key: write YAML files,
 * seal values for the agent namespace {@code pullsync} (namespace-wide, as recommended), commit.
 */
public final class SpecRepo {
  private static SealingKeyGenerator.Generated shared;

  private final Path dir;
  private final Path keyFile;
  private final PublicKey publicKey;

  public SpecRepo(Path tmp) {
    try {
      this.dir = tmp.resolve("spec-repo");
      Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
      SealingKeyGenerator.Generated key = key();
      this.publicKey = key.keyPair().getPublic();
      this.keyFile = tmp.resolve("tls.key");
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(key.keyPair().getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      Files.writeString(keyFile, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized SealingKeyGenerator.Generated key() {
    if (shared == null) {
      shared = new SealingKeyGenerator(Clock.systemUTC(), new SecureRandom()).generate(2048);
    }
    return shared;
  }

  /** {@code plaintext} sealed namespace-wide for namespace {@code pullsync}, base64. */
  public String seal(String plaintext) {
    byte[] sealed =
        new HybridCipher(new SecureRandom())
            .seal(
                publicKey,
                plaintext.getBytes(StandardCharsets.UTF_8),
                Scope.NAMESPACE_WIDE.label("pullsync", ""));
    return Base64.getEncoder().encodeToString(sealed);
  }

  /** A Registry document with a sealed password. */
  public String registry(String name, String server, String user, String password) {
    return "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: "
        + name
        + "\nspec:\n  server: \""
        + server
        + "\"\n  username: "
        + user
        + "\n  password:\n    sealed: "
        + seal(password)
        + "\n  email: admin@example.com\n";
  }

  public SpecRepo write(String file, String content) {
    try {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits everything written so far; returns the commit id. */
  public String commit(String message) {
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return git.commit().setMessage(message).setSign(false).call().getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  public Path keyFile() {
    return keyFile;
  }
}
