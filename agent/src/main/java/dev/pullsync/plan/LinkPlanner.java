package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredLink;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.Live;
import dev.pullsync.live.LiveServiceAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs desired ServiceAccount links with live ServiceAccounts: link what is missing, unlink the
 * entries we own that are no longer desired, and never touch anyone else's entries.
 */
final class LinkPlanner {
  private final Modes modes;

  LinkPlanner(Modes modes) {
    this.modes = modes;
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
      for (String owned : sa.ownedEntries()) {
        if (!wanted.contains(key(sa.ref(), owned))) {
          out.add(unlink(sa, owned));
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
    if (sa.get().imagePullSecrets().contains(link.secretName())) {
      return change(link, Action.NOOP, null, exec, "already listed");
    }
    boolean wasOurs = sa.get().ownedEntries().contains(link.secretName());
    return wasOurs
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

  private Change unlink(LiveServiceAccount sa, String entry) {
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
