package dev.pullsync.bench;

import java.util.Objects;

/**
 * One measured figure with its target beside it.
 *
 * @param phase e.g. {@code 2 no-op reconcile}
 * @param name what was measured
 * @param value the figure, formatted
 * @param target the target, or empty when the figure is for information
 * @param met whether the target was met (true when there is none)
 * @param hard whether missing the target fails the benchmark (non-zero exit)
 */
record Figure(String phase, String name, String value, String target, boolean met, boolean hard) {
  Figure {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(target, "target");
  }

  static Figure info(String phase, String name, String value) {
    return new Figure(phase, name, value, "", true, false);
  }

  static Figure soft(String phase, String name, String value, String target, boolean met) {
    return new Figure(phase, name, value, target, met, false);
  }

  static Figure hard(String phase, String name, String value, String target, boolean met) {
    return new Figure(phase, name, value, target, met, true);
  }

  /**
   * {@code PASS} or {@code FAIL} for a hard target, {@code met} or {@code missed} for a soft one,
   * empty when there is no target.
   */
  String verdict() {
    if (target.isEmpty()) {
      return "";
    }
    if (hard) {
      return met ? "PASS" : "FAIL";
    }
    return met ? "met" : "missed";
  }
}
