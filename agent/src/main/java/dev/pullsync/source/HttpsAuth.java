package dev.pullsync.source;

import dev.pullsync.spec.IoWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * HTTPS Basic credentials read from files, as Kubernetes mounts Secrets. A token is sent as the
 * password of a fixed user name: {@value #TOKEN_USER} by default, which GitHub and Gitea accept;
 * GitLab accepts any user name with a personal or project access token ({@code oauth2} is
 * customary), Bitbucket wants {@code x-token-auth}. Files are read on every connection, trailing
 * line breaks removed.
 */
public final class HttpsAuth implements GitAuth {
  /** The user name sent with a token when none is configured. */
  public static final String TOKEN_USER = "x-access-token";

  private final Optional<Path> usernameFile;
  private final String fixedUsername;
  private final Path passwordFile;

  private HttpsAuth(Optional<Path> usernameFile, String fixedUsername, Path passwordFile) {
    this.usernameFile = usernameFile;
    this.fixedUsername = fixedUsername;
    this.passwordFile = Objects.requireNonNull(passwordFile, "passwordFile");
  }

  /** A token from {@code tokenFile}, sent with the user name {@code username}. */
  public static HttpsAuth token(Path tokenFile, String username) {
    return new HttpsAuth(Optional.empty(), Objects.requireNonNull(username, "username"), tokenFile);
  }

  /** A token from {@code tokenFile}, sent with the user name {@value #TOKEN_USER}. */
  public static HttpsAuth token(Path tokenFile) {
    return token(tokenFile, TOKEN_USER);
  }

  /** A token from {@code tokenFile}, sent with the user name read from {@code usernameFile}. */
  public static HttpsAuth tokenWithUserFile(Path tokenFile, Path usernameFile) {
    return new HttpsAuth(Optional.of(usernameFile), "", tokenFile);
  }

  /** A user name and a password, each from its own file. */
  public static HttpsAuth basic(Path usernameFile, Path passwordFile) {
    return new HttpsAuth(Optional.of(usernameFile), "", passwordFile);
  }

  @Override
  public void configure(Transport transport) {
    String username = usernameFile.map(HttpsAuth::read).orElse(fixedUsername);
    transport.setCredentialsProvider(
        new UsernamePasswordCredentialsProvider(username, read(passwordFile)));
  }

  @Override
  public List<String> secrets() {
    try {
      return List.of(read(passwordFile));
    } catch (UncheckedIOException e) {
      return List.of();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("cannot read credential file " + file + ": " + IoWords.file(e)));
    }
  }

  @Override
  public String toString() {
    return "HttpsAuth[password from " + passwordFile + "]";
  }
}
