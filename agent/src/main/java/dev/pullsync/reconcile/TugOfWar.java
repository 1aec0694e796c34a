package dev.pullsync.reconcile;

import dev.pullsync.apply.Outcome;
import dev.pullsync.plan.Action;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names a tug-of-war: when the same object's drift is repaired {@value #THRESHOLD} reconciles in a
 * row (never found in place in between), another controller keeps undoing what pullsync writes. The
 * outcome's reason then says so, instead of the agent silently fighting forever. Memory only, per
 * process.
 */
final class TugOfWar {
  static final int THRESHOLD = 3;

  private final Map<String, Integer> repairs = new HashMap<>();

  /** Records this reconcile's outcomes and returns them with fights named. */
  synchronized List<Outcome> note(List<Outcome> outcomes) {
    List<Outcome> out = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.change().action() == Action.NOOP) {
        if (!repairs.isEmpty()) { // a quiet cluster has none: no key to build per object
          repairs.remove(key(o));
        }
        out.add(o);
      } else if (isRepair(o)) {
        int n = repairs.merge(key(o), 1, Integer::sum);
        out.add(n >= THRESHOLD ? named(o, n) : o);
      } else {
        out.add(o);
      }
    }
    return out;
  }

  private static String key(Outcome o) {
    return o.change().kind() + " " + o.change().ref() + " " + o.change().entry();
  }

  private static boolean isRepair(Outcome o) {
    return o.status() == Outcome.Status.APPLIED && o.change().drift().isPresent();
  }

  private static Outcome named(Outcome o, int n) {
    return new Outcome(
        o.change(),
        o.status(),
        o.reason()
            + "; tug-of-war: repaired "
            + n
            + " reconciles in a row, another controller keeps changing it");
  }
}
