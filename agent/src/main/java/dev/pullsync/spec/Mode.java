package dev.pullsync.spec;

/** enforce: repair drift; report: detect and report drift, change nothing. */
public enum Mode {
  ENFORCE,
  REPORT;

  /** The spelling used in YAML, flags and reports. */
  public String yaml() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
