package dev.pullsync.plan;

import dev.pullsync.spec.Mode;
import java.util.Map;

/**
 * Decides whether a change is applied or only reported: the agent-wide mode wins when it is {@code
 * report}; otherwise the PullSecret's own mode. Removals also depend on prune.
 */
final class Modes {
  private final Policy policy;
  private final Map<String, Mode> pullSecretModes;

  Modes(Policy policy, Map<String, Mode> pullSecretModes) {
    this.policy = policy;
    this.pullSecretModes = Map.copyOf(pullSecretModes);
  }

  Execution of(String pullSecret) {
    Mode own = pullSecretModes.getOrDefault(pullSecret, Mode.ENFORCE);
    return policy.mode() == Mode.REPORT || own == Mode.REPORT ? Execution.REPORT : Execution.APPLY;
  }

  /** For removals: refused when prune is off. */
  Execution ofOrphan(String pullSecret) {
    Execution exec = of(pullSecret);
    return exec == Execution.APPLY && !policy.prune() ? Execution.REFUSED : exec;
  }
}
