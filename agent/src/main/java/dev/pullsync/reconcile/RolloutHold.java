package dev.pullsync.reconcile;

import dev.pullsync.apply.Outcome;
import dev.pullsync.check.HeldBack;
import dev.pullsync.desired.Ref;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import dev.pullsync.plan.Kind;
import dev.pullsync.plan.Plan;
import dev.pullsync.spec.PullSecretSpec;
import dev.pullsync.spec.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds back the writes that would roll out a credential whose login check held it back (rejected,
 * untrusted certificate, plain HTTP not marked insecure) or that was denied a {@code verify} image:
 * creates, updates and adoptions of the Secrets that carry it (the previous Secret stays as it is),
 * and links to a Secret not created. Each held change is an outcome of its own, failed (a Secret)
 * or skipped (a link), and the rest of the plan goes ahead.
 *
 * @param plan what may be applied
 * @param held the outcomes of the changes held back
 */
record RolloutHold(Plan plan, List<Outcome> held) {
  private static final Set<Action> UPSERTS =
      Set.of(Action.CREATE, Action.UPDATE, Action.REPLACE, Action.ADOPT);

  RolloutHold {
    held = List.copyOf(held);
  }

  /** {@code heldBack}: per registry whose new credential is held back, why ({@link HeldBack}). */
  static RolloutHold of(Plan plan, Spec spec, Map<String, String> heldBack) {
    Map<String, String> rejected = rejectedByPullSecret(spec, heldBack);
    if (rejected.isEmpty()) {
      return new RolloutHold(plan, List.of());
    }
    List<Change> keep = new ArrayList<>();
    List<Outcome> held = new ArrayList<>();
    Set<Ref> notCreated = new HashSet<>();
    for (Change c : plan.changes()) {
      String why = rejected.get(c.pullSecret());
      if (why != null && c.kind() == Kind.SECRET && UPSERTS.contains(c.action()) && c.toApply()) {
        boolean create = c.action() == Action.CREATE;
        if (create) {
          notCreated.add(c.ref());
        }
        held.add(
            new Outcome(c, Outcome.Status.FAILED, why + (create ? "Secret not created" : kept())));
      } else {
        keep.add(c);
      }
    }
    List<Change> rest = new ArrayList<>();
    for (Change c : keep) {
      Ref secret = new Ref(c.ref().namespace(), c.entry());
      if (c.kind() == Kind.SERVICE_ACCOUNT
          && c.action() == Action.LINK
          && notCreated.contains(secret)) {
        held.add(new Outcome(c, Outcome.Status.SKIPPED, "Secret " + c.entry() + " not created"));
      } else {
        rest.add(c);
      }
    }
    return new RolloutHold(
        new Plan(plan.revision(), rest, plan.errors(), plan.newServers(), plan.registries()), held);
  }

  private static String kept() {
    return "previous credential kept";
  }

  /** Per PullSecret carrying a held-back registry, the start of its held changes' reason. */
  private static Map<String, String> rejectedByPullSecret(Spec spec, Map<String, String> heldBack) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (PullSecretSpec ps : spec.pullSecrets()) {
      ps.registries().stream()
          .filter(heldBack::containsKey)
          .findFirst()
          .ifPresent(r -> out.put(ps.name(), heldBack.get(r) + " — "));
    }
    return out;
  }
}
