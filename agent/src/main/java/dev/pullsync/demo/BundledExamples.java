package dev.pullsync.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's {@code examples/} directory, embedded in the jar at build time under {@code
 * pullsync/examples/}, so the demo runs from the jar anywhere. Copies a directory of it out to
 * disk.
 */
public final class BundledExamples {
  private static final String ROOT = "pullsync/examples/";

  private BundledExamples() {}

  /**
   * Copies {@code examples/<name>} (e.g. {@code kubeflow-harbor}, {@code demo-key}) into {@code
   * target}, which is created if needed.
   */
  public static Path copy(String name, Path target) {
    URL url = BundledExamples.class.getClassLoader().getResource(ROOT + name);
    if (url == null) {
      throw new IllegalStateException("examples/" + name + " is not bundled in this build");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = openJar(uri)) {
          copyTree(jar.getPath("/" + ROOT + name), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
      return target;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy examples/" + name + " to " + target, e);
    }
  }

  private static FileSystem openJar(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (java.nio.file.FileSystemAlreadyExistsException e) {
      try {
        return FileSystems.getFileSystem(uri);
      } catch (FileSystemNotFoundException again) {
        throw new IOException(again);
      }
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path to = target.resolve(source.relativize(file).toString());
      Files.createDirectories(to.getParent());
      Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
