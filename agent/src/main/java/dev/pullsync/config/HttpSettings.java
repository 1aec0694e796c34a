package dev.pullsync.config;

import java.util.Objects;

/** The {@code http} section: listen address and port of health, metrics and webhook. */
public record HttpSettings(String address, int port) {
  public HttpSettings {
    Objects.requireNonNull(address, "address");
  }
}
