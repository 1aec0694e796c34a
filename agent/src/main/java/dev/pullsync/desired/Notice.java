package dev.pullsync.desired;

import java.util.Objects;

/**
 * Something the spec asks for that the cluster cannot give, reported but not acted on: e.g. a
 * namespace listed by name that does not exist or is terminating.
 */
public record Notice(String pullSecret, String namespace, String message) {
  public Notice {
    Objects.requireNonNull(pullSecret, "pullSecret");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(message, "message");
  }
}
