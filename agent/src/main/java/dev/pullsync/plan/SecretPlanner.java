package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.Live;
import dev.pullsync.live.LiveSecret;
import dev.pullsync.spec.Adopt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pairs desired and live Secrets by {@link Ref} and diffs each pair into one change. Only this
 * instance's Secrets are updated or pruned; one written by a version without instances is adopted
 * when desired (the upgrade); another instance's is a conflict, a hand copy is foreign.
 */
final class SecretPlanner {
  static final String UPGRADE_ADOPTED =
      "written by a pullsync version without instances; adopted by instance ";

  private final Modes modes;
  private final Instance instance;

  SecretPlanner(Modes modes, Instance instance) {
    this.modes = modes;
    this.instance = instance;
  }

  List<Change> plan(Desired desired, Live live) {
    List<Change> out = new ArrayList<>();
    for (DesiredSecret want : desired.secrets()) {
      out.add(pair(want, Optional.ofNullable(live.secrets().get(want.ref()))));
    }
    Set<Ref> wanted =
        desired.secrets().stream().map(DesiredSecret::ref).collect(Collectors.toSet());
    for (LiveSecret have : live.secrets().values()) {
      if (have.owner(instance) == Ownership.Owner.OURS
          && !wanted.contains(have.ref())
          && desired.prunable(have.ref().namespace())) {
        out.add(orphan(have));
      }
    }
    return out;
  }

  private Change pair(DesiredSecret want, Optional<LiveSecret> have) {
    Execution exec = modes.of(want.pullSecret());
    if (have.isEmpty()) {
      return change(Action.CREATE, want, Drift.MISSING, exec, "Secret does not exist");
    }
    Ownership.Owner owner = have.get().owner(instance);
    if (owner == Ownership.Owner.OTHER_INSTANCE) {
      String other = have.get().labels().get(Ownership.INSTANCE_LABEL);
      return change(
          Action.CONFLICT,
          want,
          Drift.FOREIGN,
          exec,
          "a Secret of this name belongs to pullsync instance " + other + "; left alone");
    }
    if (owner == Ownership.Owner.FOREIGN || owner == Ownership.Owner.HAND_COPY) {
      String copy =
          owner == Ownership.Owner.HAND_COPY
              ? "a Secret of this name is a copy made for namespace "
                  + have.get().annotations().get(Ownership.MADE_FOR)
                  + ", not ours"
              : null;
      if (want.adopt() == Adopt.IF_UNMANAGED) {
        String what = copy == null ? "a Secret of this name is not managed by pullsync" : copy;
        return change(
            Action.ADOPT,
            want,
            Drift.FOREIGN,
            exec,
            what + "; taking it over (adopt: ifUnmanaged)");
      }
      String what =
          copy == null ? "a Secret of this name exists and is not managed by pullsync" : copy;
      return change(
          Action.CONFLICT, want, Drift.FOREIGN, exec, what + " (adopt: never); left alone");
    }
    List<String> diffs = SecretDiff.between(want, have.get());
    if (owner == Ownership.Owner.LEGACY) {
      diffs = List.of(UPGRADE_ADOPTED + instance.name());
    }
    if (diffs.isEmpty()) {
      return new Change(
          Action.NOOP,
          Kind.SECRET,
          want.ref(),
          want.pullSecret(),
          want.ref().name(),
          Optional.empty(),
          exec,
          "up to date",
          Optional.empty());
    }
    boolean specChanged =
        !want.annotations()
            .get(Ownership.FINGERPRINT)
            .equals(have.get().annotations().get(Ownership.FINGERPRINT));
    Drift drift = specChanged || owner == Ownership.Owner.LEGACY ? null : Drift.MODIFIED;
    String reason = String.join("; ", diffs);
    if (!want.type().equals(have.get().type()) || have.get().immutable()) {
      String why = have.get().immutable() ? "immutable" : "its type was changed";
      return change(
          Action.REPLACE, want, drift, exec, "deleted and recreated (" + why + "): " + reason);
    }
    return change(Action.UPDATE, want, drift, exec, reason);
  }

  private static Change change(
      Action action, DesiredSecret want, Drift drift, Execution exec, String reason) {
    return new Change(
        action,
        Kind.SECRET,
        want.ref(),
        want.pullSecret(),
        want.ref().name(),
        Optional.ofNullable(drift),
        exec,
        reason,
        Optional.of(want));
  }

  private Change orphan(LiveSecret have) {
    String pullSecret = have.labels().getOrDefault(Ownership.PULL_SECRET_LABEL, have.ref().name());
    return new Change(
        Action.DELETE,
        Kind.SECRET,
        have.ref(),
        pullSecret,
        have.ref().name(),
        Optional.of(Drift.ORPHAN),
        modes.ofOrphan(pullSecret),
        "no PullSecret in the spec targets this namespace with this name any more",
        Optional.empty());
  }
}
