package dev.pullsync.plan;

/** The kind of object a change is about. */
public enum Kind {
  SECRET("Secret"),
  SERVICE_ACCOUNT("ServiceAccount"),
  NAMESPACE("Namespace");

  private final String display;

  Kind(String display) {
    this.display = display;
  }

  public String display() {
    return display;
  }
}
