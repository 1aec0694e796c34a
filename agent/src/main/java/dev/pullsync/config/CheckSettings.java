package dev.pullsync.config;

import java.util.Map;

/**
 * The {@code checks} section: checks before rollout.
 *
 * @param registryLogin log in to a registry's /v2/ with a new credential before rolling it out
 * @param endpoints where that login dials a server ({@code server -> host:port}, a mirror setting);
 *     plain http is chosen per registry by its {@code spec.insecure}
 */
public record CheckSettings(boolean registryLogin, Map<String, String> endpoints) {
  public CheckSettings {
    endpoints = Map.copyOf(endpoints);
  }
}
