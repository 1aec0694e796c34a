package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredSecret;
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

/** Pairs desired and live Secrets by {@link Ref} and diffs each pair into one change. */
final class SecretPlanner {
  private final Modes modes;

  SecretPlanner(Modes modes) {
    this.modes = modes;
  }

  List<Change> plan(Desired desired, Live live) {
    List<Change> out = new ArrayList<>();
    for (DesiredSecret want : desired.secrets()) {
      out.add(pair(want, Optional.ofNullable(live.secrets().get(want.ref()))));
    }
    Set<Ref> wanted =
        desired.secrets().stream().map(DesiredSecret::ref).collect(Collectors.toSet());
    for (LiveSecret have : live.secrets().values()) {
      if (have.managed()
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
    if (!have.get().managed()) {
      if (want.adopt() == Adopt.IF_UNMANAGED) {
        return change(
            Action.ADOPT,
            want,
            Drift.FOREIGN,
            exec,
            "a Secret of this name is not managed by pullsync; taking it over (adopt: ifUnmanaged)");
      }
      return change(
          Action.CONFLICT,
          want,
          Drift.FOREIGN,
          exec,
          "a Secret of this name exists and is not managed by pullsync (adopt: never); left alone");
    }
    List<String> diffs = SecretDiff.between(want, have.get());
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
    Drift drift = specChanged ? null : Drift.MODIFIED;
    return change(Action.UPDATE, want, drift, exec, String.join("; ", diffs));
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
