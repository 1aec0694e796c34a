package dev.pullsync.spec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Finds the spec files under a root: every {@code *.yaml} / {@code *.yml}, recursively, skipping
 * hidden directories such as {@code .git}. A symbolic link to a file is followed only when it
 * resolves inside the root; a link (to a file or a directory) that leaves the root is a problem,
 * never read. Linked directories are not descended into.
 */
final class SpecFiles {

  /** A file to read: where it is and how messages name it (relative, forward slashes). */
  record SpecFile(Path path, String name) {
    SpecFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(name, "name");
    }
  }

  /** The files found, sorted by name, and the links refused. */
  record Found(List<SpecFile> files, List<Problem> problems) {
    Found {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  private SpecFiles() {}

  static Found under(Path root) throws IOException {
    Path realRoot = root.toRealPath();
    List<SpecFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Files.walkFileTree(
        realRoot,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(realRoot) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = nameOf(realRoot, file);
            if (attrs.isSymbolicLink() && (isSpecName(file) || Files.isDirectory(file))) {
              followLink(realRoot, file, name, files, problems);
            } else if (attrs.isRegularFile() && isSpecName(file)) {
              files.add(new SpecFile(file, name));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(
                new Problem(new Location(nameOf(realRoot, file), 1), "", "cannot read this path"));
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort((a, b) -> a.name().compareTo(b.name()));
    return new Found(files, problems);
  }

  private static void followLink(
      Path realRoot, Path link, String name, List<SpecFile> files, List<Problem> problems) {
    try {
      Path target = link.toRealPath();
      if (!target.startsWith(realRoot)) {
        problems.add(
            new Problem(
                new Location(name, 1),
                "",
                "symbolic link points outside the spec directory: refused"));
      } else if (Files.isRegularFile(target) && isSpecName(link)) {
        files.add(new SpecFile(target, name));
      }
    } catch (IOException e) {
      problems.add(new Problem(new Location(name, 1), "", "symbolic link points nowhere"));
    }
  }

  static boolean isSpecName(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  static String nameOf(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
