package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredLink;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.Live;
import dev.pullsync.live.LiveSecret;
import dev.pullsync.live.LiveServiceAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs desired ServiceAccount links with live ServiceAccounts: link what is missing, unlink the
 * entries we own that are no longer desired, and never touch anyone else's entries. An entry is
 * ours when our instance's annotation lists it AND the Secret it names in that namespace is ours or
 * absent; a listed entry whose Secret is not ours is kept and dropped from the annotation
 * (release). A desired entry already listed but missing from our annotation is recorded there: the
 * annotation is rebuilt from what is desired, and the upgrade takes over entries the annotation of
 * a version without instances lists.
 */
final class LinkPlanner {
  static final String NOT_OURS = "entry kept: the Secret it names is not ours";
  static final String UNRECORDED =
      "already listed, but not in our ownership annotation (added by hand, or the annotation was"
          + " lost): not provably ours, so never pruned";

  private final Modes modes;
  private final Instance instance;

  LinkPlanner(Modes modes, Instance instance) {
    this.modes = modes;
    this.instance = instance;
  }

  /**
   * @param conflicts Secrets left alone as conflicts: a link to one of them is a conflict too
   */
  List<Change> plan(Desired desired, Live live, Set<Ref> conflicts) {
    List<Change> out = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    for (DesiredLink link : desired.links()) {
      wanted.add(key(link.serviceAccount(), link.secretName()));
      out.add(
          pair(
              link,
              Optional.ofNullable(live.serviceAccounts().get(link.serviceAccount())),
              conflicts));
    }
    for (LiveServiceAccount sa : live.serviceAccounts().values()) {
      if (!desired.prunable(sa.ref().namespace())) {
        continue;
      }
      for (String owned : sa.ownedEntries(instance)) {
        if (!wanted.contains(key(sa.ref(), owned))) {
          out.add(removal(sa, owned, live));
        }
      }
    }
    return out;
  }

  private Change pair(DesiredLink link, Optional<LiveServiceAccount> sa, Set<Ref> conflicts) {
    Execution exec = modes.of(link.pullSecret());
    if (!link.present() || sa.isEmpty()) {
      return change(link, Action.PENDING, null, exec, "ServiceAccount does not exist (yet)");
    }
    Ref secret = new Ref(link.serviceAccount().namespace(), link.secretName());
    if (conflicts.contains(secret)) {
      return change(
          link,
          Action.CONFLICT,
          null,
          exec,
          "not linked: the Secret of this name is not managed by pullsync");
    }
    boolean owned = sa.get().ownedEntries(instance).contains(link.secretName());
    if (sa.get().imagePullSecrets().contains(link.secretName())) {
      if (owned) {
        return change(link, Action.NOOP, null, exec, "already listed");
      }
      return sa.get().legacyEntries().contains(link.secretName())
          ? change(
              link,
              Action.LINK,
              null,
              exec,
              "already listed; taken over from the annotation of a pullsync version without"
                  + " instances by instance "
                  + instance.name())
          : change(link, Action.NOOP, null, exec, UNRECORDED);
    }
    return owned
        ? change(
            link, Action.LINK, Drift.UNLINKED, exec, "our entry was removed from imagePullSecrets")
        : change(link, Action.LINK, null, exec, "imagePullSecrets lacks the entry");
  }

  private static Change change(
      DesiredLink link, Action action, Drift drift, Execution exec, String reason) {
    return new Change(
        action,
        Kind.SERVICE_ACCOUNT,
        link.serviceAccount(),
        link.pullSecret(),
        link.secretName(),
        Optional.ofNullable(drift),
        exec,
        reason,
        Optional.empty());
  }

  /** An unlink when the Secret the entry names is ours or absent, else a release. */
  private Change removal(LiveServiceAccount sa, String entry, Live live) {
    LiveSecret secret = live.secrets().get(new Ref(sa.ref().namespace(), entry));
    if (secret != null && secret.owner(instance) != Ownership.Owner.OURS) {
      return new Change(
          Action.RELEASE,
          Kind.SERVICE_ACCOUNT,
          sa.ref(),
          entry,
          entry,
          Optional.empty(),
          modes.of(entry),
          NOT_OURS + "; dropped from our ownership annotation",
          Optional.empty());
    }
    boolean listed = sa.imagePullSecrets().contains(entry);
    return new Change(
        Action.UNLINK,
        Kind.SERVICE_ACCOUNT,
        sa.ref(),
        entry,
        entry,
        Optional.of(Drift.ORPHAN),
        modes.ofOrphan(entry),
        listed
            ? "our entry is no longer desired"
            : "our entry is already gone; forgetting it in the ownership annotation",
        Optional.empty());
  }

  private static String key(Ref sa, String entry) {
    return sa + "\n" + entry;
  }
}
