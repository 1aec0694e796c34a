package dev.pullsync.spec;

/** never: a same-name Secret we do not own is a conflict; ifUnmanaged: take it over. */
public enum Adopt {
  NEVER("never"),
  IF_UNMANAGED("ifUnmanaged");

  private final String yaml;

  Adopt(String yaml) {
    this.yaml = yaml;
  }

  public String yaml() {
    return yaml;
  }
}
