package dev.pullsync.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A file a spec field names by a path relative to the spec root ({@code sealedSecretFile}, {@code
 * caBundle}): it must stay inside the root, also through symbolic links, exist and be a file.
 */
final class RepoPath {
  private RepoPath() {}

  /** The real path of {@code path}, or empty when {@code out} received a problem for it. */
  static Optional<Path> resolve(
      Path realRoot, String path, String field, Location ref, List<Problem> out) {
    Path relative = Path.of(path);
    if (relative.isAbsolute() || path.startsWith("/") || path.startsWith("\\")) {
      out.add(new Problem(ref, field, "must be a path relative to the spec directory"));
      return Optional.empty();
    }
    Path target = realRoot.resolve(relative).normalize();
    if (!target.startsWith(realRoot)) {
      out.add(new Problem(ref, field, "points outside the spec directory: refused"));
      return Optional.empty();
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      out.add(new Problem(ref, field, "file " + path + " does not exist"));
      return Optional.empty();
    }
    try {
      Path real = target.toRealPath();
      if (!real.startsWith(realRoot)) {
        out.add(
            new Problem(ref, field, "symbolic link points outside the spec directory: refused"));
        return Optional.empty();
      }
      if (!Files.isRegularFile(real)) {
        out.add(new Problem(ref, field, path + " is not a file"));
        return Optional.empty();
      }
      return Optional.of(real);
    } catch (IOException e) {
      out.add(new Problem(ref, field, "cannot read " + path));
      return Optional.empty();
    }
  }
}
