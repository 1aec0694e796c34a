package dev.pullsync.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The {@code webhook} section: the Git push webhook; empty {@code secretFile}: no webhook. */
public record WebhookSettings(Optional<Path> secretFile) {
  public WebhookSettings {
    Objects.requireNonNull(secretFile, "secretFile");
  }
}
