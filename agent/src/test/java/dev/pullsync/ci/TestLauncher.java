package dev.pullsync.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A {@code pullsync} command for the scripts' {@code PULLSYNC} variable that runs this build's
 * classes (the test classpath) in a child JVM: tests run before {@code package}, so bin/pullsync's
 * jar may not exist yet or be stale.
 */
final class TestLauncher {
  private TestLauncher() {}

  /** Writes the launcher into {@code dir}; returns the environment that makes it work. */
  static Map<String, String> install(Path dir) throws IOException {
    Path launcher = dir.resolve("pullsync");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec \"$PULLSYNC_TEST_JAVA\" -XX:TieredStopAtLevel=1 -cp \"$PULLSYNC_TEST_CLASSPATH\""
            + " dev.pullsync.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of(
        "PULLSYNC", launcher.toString(),
        "PULLSYNC_TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "PULLSYNC_TEST_CLASSPATH", System.getProperty("java.class.path"));
  }
}
