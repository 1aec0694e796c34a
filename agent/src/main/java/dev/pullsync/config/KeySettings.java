package dev.pullsync.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code keys} section: where private keys come from, PEM/Secret/backup files and/or the
 * controller's key Secrets.
 */
public record KeySettings(List<Path> files, FromCluster fromCluster) {
  public KeySettings {
    files = List.copyOf(files);
    Objects.requireNonNull(fromCluster, "fromCluster");
  }

  /** Read the sealed-secrets controller's key Secrets from {@code namespace}. */
  public record FromCluster(boolean enabled, String namespace) {
    public FromCluster {
      Objects.requireNonNull(namespace, "namespace");
    }
  }
}
