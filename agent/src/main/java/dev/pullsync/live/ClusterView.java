package dev.pullsync.live;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cluster as one pullsync {@link Instance} sees it, read through three informers started once:
 * every Namespace, the Secrets labelled {@code app.kubernetes.io/managed-by=pullsync} (by label
 * selector: ours, other instances' and those of versions without instances, so that another
 * instance's Secret of a desired name is seen as a conflict without a request, and the upgrade
 * finds what it adopts; indexed by {@code pullsync.dev/instance}, so the deletion guard counts only
 * ours) and the ServiceAccounts (indexed by the instances whose annotation they carry). Everything
 * handed out is a copy; cache objects are never mutated. A reconcile reads nothing but these
 * caches: a desired Secret missing from our cache is planned as a create, and the applier finds a
 * foreign Secret of that name from the create's 409 answer. A name known to hold a foreign Secret
 * (see {@link #rememberForeign}) is read once with a GET and then remembered as it was for {@link
 * #FOREIGN_RECHECK}, so the runbook's migration case (hand-made Secrets everywhere, {@code adopt:
 * never}) costs no request per tick either; a foreign Secret that gets our label shows up in our
 * informer at once, one deleted by hand is noticed at the next re-check. {@code pullsync plan}
 * reads every missing name ({@link #snapshotWithLookups}). A converged cluster costs no request at
 * all.
 */
public final class ClusterView implements AutoCloseable {
  private final KubernetesClient client;
  private final Duration syncTimeout;
  private SharedIndexInformer<Namespace> namespaces;
  private SharedIndexInformer<Secret> secrets;
  private SharedIndexInformer<ServiceAccount> serviceAccounts;
  private CorrectedCache<Namespace> namespaceCache;
  private CorrectedCache<Secret> secretCache;
  private CorrectedCache<ServiceAccount> serviceAccountCache;
  private final Instance instance;
  private final Resync resync;

  /** How long a foreign Secret, once read, is taken to be still there as it was. */
  public static final Duration FOREIGN_RECHECK = ForeignSecrets.RECHECK;

  private final ForeignSecrets foreign = new ForeignSecrets();

  private final SecretCopies secretCopies = new SecretCopies();

  public ClusterView(KubernetesClient client, Duration syncTimeout, Instance instance) {
    this(
        client,
        syncTimeout,
        instance,
        Duration.ofMinutes(Resync.DEFAULT_MINUTES),
        Clock.systemUTC());
  }

  /** A view that re-lists every {@code resyncInterval} and after a watch error ({@link Resync}). */
  public ClusterView(
      KubernetesClient client,
      Duration syncTimeout,
      Instance instance,
      Duration resyncInterval,
      Clock clock) {
    this.client = client;
    this.syncTimeout = syncTimeout;
    this.instance = Objects.requireNonNull(instance, "instance");
    this.resync = new Resync(resyncInterval, clock);
  }

  /** The instance whose objects this view calls ours. */
  public Instance instance() {
    return instance;
  }

  /**
   * Starts the informers (once) and waits for their first list.
   *
   * @throws ClusterUnavailableException when they do not sync within the timeout
   */
  public synchronized ClusterView start() {
    if (namespaces != null) {
      return this;
    }
    namespaces = client.namespaces().runnableInformer(0);
    secrets =
        client
            .secrets()
            .inAnyNamespace()
            .withLabel(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY_VALUE)
            .runnableInformer(0);
    serviceAccounts = client.serviceAccounts().inAnyNamespace().runnableInformer(0);
    InstanceIndex.install(secrets, serviceAccounts);
    resync.watchErrorsOf(List.of(namespaces, secrets, serviceAccounts));
    try {
      ApiStatus.awaitSync("Namespaces", namespaces, syncTimeout);
      ApiStatus.awaitSync("Secrets", secrets, syncTimeout);
      ApiStatus.awaitSync("ServiceAccounts", serviceAccounts, syncTimeout);
    } catch (ClusterUnavailableException e) {
      close();
      throw e;
    }
    namespaceCache = new CorrectedCache<>(namespaces);
    secretCache = new CorrectedCache<>(secrets);
    serviceAccountCache = new CorrectedCache<>(serviceAccounts);
    resync.listed();
    return this;
  }

  /** The running Namespace informer, for event handlers (do not stop it; close the view). */
  public SharedIndexInformer<Namespace> namespaceInformer() {
    start();
    return namespaces;
  }

  /** The running ServiceAccount informer, for event handlers. */
  public SharedIndexInformer<ServiceAccount> serviceAccountInformer() {
    start();
    return serviceAccounts;
  }

  /** The running informer over our managed Secrets, for event handlers (drift repair). */
  public SharedIndexInformer<Secret> managedSecretInformer() {
    start();
    return secrets;
  }

  /** The namespaces and ServiceAccount names the renderer selects from. */
  public Inventory inventory() {
    return inventory(Optional.empty());
  }

  /**
   * The inventory of the namespaces in {@code scope} only (a namespace event reads its namespace
   * from the caches' namespace index, not the whole cluster); all namespaces when empty.
   */
  public Inventory inventory(Optional<Set<String>> scope) {
    start();
    resync.relistIfDue(client, namespaceCache, secretCache, serviceAccountCache);
    List<Namespace> nsObjects =
        scope.isEmpty()
            ? namespaceCache.list()
            : scope.get().stream().map(namespaceCache::getByKey).filter(Objects::nonNull).toList();
    return Copies.inventory(nsObjects, serviceAccountCache.inScope(scope));
  }

  /**
   * A hash of everything a snapshot and an inventory read: each cached Namespace, Secret and
   * ServiceAccount (key and resourceVersion), re-list corrections (a re-list due now is made first)
   * and what is remembered of foreign Secrets. Equal values mean a render, snapshot and plan would
   * come out the same, short of a foreign Secret's hourly re-check; it costs a walk over the
   * caches' keys, not copies.
   */
  public long contentHash() {
    start();
    resync.relistIfDue(client, namespaceCache, secretCache, serviceAccountCache);
    return namespaceCache.contentHash()
        + 3 * secretCache.contentHash()
        + 7 * serviceAccountCache.contentHash()
        + 0x9E3779B97F4A7C15L * foreign.changes();
  }

  /**
   * Every Namespace, ServiceAccount and pullsync-labelled Secret in the caches, names and metadata
   * only, and the foreign Secrets known to carry a wanted name (the published inventory); no
   * request.
   */
  public ClusterListing listing() {
    start();
    List<ClusterListing.ForeignSecret> inTheWay =
        foreign.refs().stream()
            .map(ref -> new ClusterListing.ForeignSecret(ref.namespace(), ref.name()))
            .toList();
    return Listings.of(namespaceCache.list(), serviceAccountCache.list(), secretCache.list())
        .withForeignSecrets(inTheWay);
  }

  /**
   * Copies of what {@code desired} is to be compared with, from the caches alone (plus one GET per
   * name remembered as foreign).
   */
  public Live snapshot(Desired desired) {
    return snapshot(desired, false);
  }

  /**
   * Like {@link #snapshot} but reads every desired Secret missing from our cache with a GET, so a
   * plan shows a foreign Secret as a conflict before anything is written (for {@code pullsync
   * plan}; a reconcile learns the same from the create's 409 without the reads).
   */
  public Live snapshotWithLookups(Desired desired) {
    return snapshot(desired, true);
  }

  /**
   * Remembers Secrets found to be foreign (a create answered 409 AlreadyExists, and the Secret is
   * not ours), so the next snapshots read them and plan a conflict instead of a create.
   */
  public void rememberForeign(Collection<Ref> refs) {
    foreign.remember(refs);
  }

  /**
   * Remembers a Secret just read and found foreign (the applier's read after a 409), so no snapshot
   * reads it again before {@link #FOREIGN_RECHECK}.
   */
  public void rememberForeign(Ref ref, Secret found) {
    foreign.remember(ref, Copies.secret(found));
  }

  /** A copy of our cached Secret to base a write on (its resourceVersion guards the write). */
  public Optional<Secret> cachedSecret(Ref ref) {
    start();
    return Optional.ofNullable(secretCache.getByKey(key(ref)))
        .map(s -> new SecretBuilder(s).build());
  }

  /** A copy of the cached ServiceAccount to base a write on. */
  public Optional<ServiceAccount> cachedServiceAccount(Ref ref) {
    start();
    return Optional.ofNullable(serviceAccountCache.getByKey(key(ref)))
        .map(sa -> new ServiceAccountBuilder(sa).build());
  }

  /**
   * Waits (at most {@code timeout}) until the caches hold what we just wrote, so the next reconcile
   * plans from them without reading anything: each Secret and ServiceAccount at the resourceVersion
   * the write returned or later; an empty version means deleted.
   *
   * @return false when the caches had not caught up within the timeout
   */
  public boolean awaitWrites(
      Map<Ref, String> secretVersions, Map<Ref, String> serviceAccountVersions, Duration timeout) {
    start();
    return CacheCatchUp.await(
        secretCache, secretVersions, serviceAccountCache, serviceAccountVersions, timeout);
  }

  private Live snapshot(Desired desired, boolean lookUpMissing) {
    start();
    Map<Ref, LiveSecret> live = new HashMap<>();
    for (Secret s : secretCache.inScope(desired.scope())) {
      LiveSecret copy = secretCopies.of(s);
      live.put(copy.ref(), copy);
    }
    if (desired.scope().isEmpty()) {
      secretCopies.keepOnly(live.keySet()); // forget deleted Secrets
    }
    long now = System.nanoTime();
    for (DesiredSecret want : desired.secrets()) {
      if (!live.containsKey(want.ref())) {
        foreign
            .find(want.ref(), lookUpMissing, now, this::lookUp)
            .ifPresent(f -> live.put(f.ref(), f));
      }
    }
    Map<Ref, LiveServiceAccount> accounts =
        Copies.serviceAccountsFor(serviceAccountCache.inScope(desired.scope()), desired, instance);
    lookUpEntries(desired, accounts, live);
    return new Live(
        live,
        accounts,
        InstanceIndex.ownedSecrets(secrets, instance),
        InstanceIndex.linkedEntries(serviceAccounts, instance));
  }

  /**
   * Reads the Secrets our entries name that are in no cache and not desired, so the planner can
   * tell a foreign one (the entry is kept) from an absent one (the entry may go). A converged
   * cluster has none: each of our entries names our cached Secret.
   */
  private void lookUpEntries(
      Desired desired, Map<Ref, LiveServiceAccount> accounts, Map<Ref, LiveSecret> live) {
    Set<Ref> wanted =
        desired.secrets().stream().map(DesiredSecret::ref).collect(Collectors.toSet());
    for (LiveServiceAccount sa : accounts.values()) {
      for (String entry : sa.ownedEntries(instance)) {
        Ref ref = new Ref(sa.ref().namespace(), entry);
        if (!live.containsKey(ref) && !wanted.contains(ref)) {
          lookUp(ref).ifPresent(f -> live.put(f.ref(), f));
        }
      }
    }
  }

  static String key(Ref ref) {
    return ref.namespace().isEmpty() ? ref.name() : ref.namespace() + "/" + ref.name();
  }

  private Optional<LiveSecret> lookUp(Ref ref) {
    foreign.changed(); // what was read may differ next time
    try {
      Secret s = client.secrets().inNamespace(ref.namespace()).withName(ref.name()).get();
      return Optional.ofNullable(s).map(Copies::secret);
    } catch (RuntimeException e) {
      throw new ClusterUnavailableException("cannot read Secret " + ref + ": " + ApiStatus.of(e));
    }
  }

  @Override
  public synchronized void close() {
    for (SharedIndexInformer<?> i :
        new SharedIndexInformer<?>[] {namespaces, secrets, serviceAccounts}) {
      if (i != null) {
        i.stop();
      }
    }
    namespaces = null;
    secrets = null;
    serviceAccounts = null;
    namespaceCache = null;
    secretCache = null;
    serviceAccountCache = null;
  }
}
