package dev.pullsync.cli;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.IoWords;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code --cert} file of {@code seal} and {@code reseal}, read as text, or a located error. */
final class CertificateFile {
  private CertificateFile() {}

  /**
   * @throws InvalidSpecException naming the file and why it could not be read (exit 2)
   */
  static String read(Path cert) {
    try {
      return Files.readString(cert, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InvalidSpecException(
          List.of(
              new Problem(
                  new Location(cert.toString(), 1),
                  "",
                  "cannot read the certificate ("
                      + (e instanceof IOException ? IoWords.file(e) : "not UTF-8 text")
                      + ")")));
    }
  }
}
