package dev.pullsync.reconcile;

import dev.pullsync.apply.Applier;
import dev.pullsync.check.LoginGate;
import dev.pullsync.desired.Instance;
import dev.pullsync.live.ClusterKeySource;
import dev.pullsync.live.ClusterView;
import dev.pullsync.live.SecretStateStore;
import dev.pullsync.plan.Planner;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.ResealBranch;
import dev.pullsync.source.SourceException;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Mode;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.Spec;
import dev.pullsync.spec.SpecLoader;
import dev.pullsync.unseal.Fingerprinter;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Unsealed;
import dev.pullsync.unseal.Unsealer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The wired engine: source, loader, unsealer, cluster view, planner, applier and reconciler built
 * from {@link EngineSettings}. The seam for every command that reconciles ({@code run --once},
 * {@code plan}, the long-running {@code run}, {@code demo}). Close it to stop the informers.
 */
public final class Engine implements AutoCloseable {
  private final ClusterView view;
  private final Reconciler reconciler;
  private final GitSource source;
  private final ResealPusher reseal;

  private Engine(ClusterView view, Reconciler reconciler, GitSource source, ResealPusher reseal) {
    this.source = source;
    this.reseal = reseal;
    this.view = view;
    this.reconciler = reconciler;
  }

  /**
   * Builds the engine. Nothing touches the cluster or Git yet, except reading key Secrets when
   * {@code keysFromCluster} is set.
   *
   * @throws InvalidSpecException when no usable private key is given
   */
  public static Engine open(
      EngineSettings settings, KubernetesClient client, Reporter reporter, Clock clock) {
    return open(settings, client, reporter, clock, EngineObserver.NONE);
  }

  /**
   * As {@link #open(EngineSettings, KubernetesClient, Reporter, Clock)}, telling {@code observer}.
   */
  public static Engine open(
      EngineSettings settings,
      KubernetesClient client,
      Reporter reporter,
      Clock clock,
      EngineObserver observer) {
    KeyRing ring = keyRing(settings, client);
    StateKeeper state =
        new StateKeeper(
            new SecretStateStore(client, settings.agentNamespace(), settings.instance()),
            settings.policy().mode() != Mode.REPORT,
            new SecureRandom());
    Unsealing unsealing = unsealer(settings, client, ring, Fingerprinter.salted(state::salt));
    Function<Spec, Unsealed> unseal = unsealing.unseal();
    SpecLoader loader = new SpecLoader(settings.agentNamespace());
    GitSource source = new GitSource(settings.source(), clock);
    Function<Path, Spec> load =
        root -> {
          Spec spec = loader.load(root);
          observer.specLoaded(spec);
          return spec;
        };
    Revisions revisions =
        new Revisions(
            () -> {
              try {
                return source.fetch();
              } catch (SourceException e) {
                observer.fetchFailed();
                throw e;
              }
            },
            load,
            unseal,
            SpecLoader::sources,
            new StoredRevisions(state, load, unseal, clock),
            clock,
            observer);
    Instance instance = new Instance(settings.instance());
    ResealPusher reseal = resealPusher(settings, unsealing.ring(), clock);
    ClusterView view =
        new ClusterView(client, settings.syncTimeout(), instance, settings.resyncInterval(), clock);
    Reconciler reconciler =
        new Reconciler(
            revisions,
            view,
            new Planner(settings.policy(), instance),
            new Applier(client, view, settings.apply()),
            reporter,
            settings.cluster(),
            instance,
            clock,
            logins(settings, clock, observer),
            reseal);
    return new Engine(view, reconciler, source, reseal);
  }

  private static ResealPusher resealPusher(
      EngineSettings settings, Supplier<KeyRing> ring, Clock clock) {
    EngineSettings.ResealPush push = settings.resealPush();
    if (!push.enabled()) {
      return ResealPusher.OFF;
    }
    ResealBranch branch =
        new ResealBranch(settings.source(), push.authorName(), push.authorEmail(), clock);
    return new ResealPusher(branch, ring, settings.agentNamespace());
  }

  /** The unseal step and the key ring it currently uses. */
  private record Unsealing(Function<Spec, Unsealed> unseal, Supplier<KeyRing> ring) {}

  private static LoginGate logins(EngineSettings settings, Clock clock, EngineObserver observer) {
    LoginGate gate = settings.logins().gate(clock);
    gate.observe(
        (registry, result) -> observer.registryChecked(registry, result.status().display()));
    return gate;
  }

  /**
   * With {@code --keys-from-cluster} the controller's keys are re-read for every new revision, so a
   * key renewal needs no restart; with key files only, one unsealer serves the process. Either way
   * fingerprints are keyed by the instance's stored salt, never by the keys.
   */
  private static Unsealing unsealer(
      EngineSettings settings, KubernetesClient client, KeyRing ring, Fingerprinter prints) {
    if (!settings.keysFromCluster()) {
      return new Unsealing(
          new Unsealer(ring, settings.agentNamespace(), prints)::unseal, () -> ring);
    }
    ClusterKeySource cluster = new ClusterKeySource(client, settings.keysNamespace());
    KeyRingRefresh refresh =
        new KeyRingRefresh(
            KeyRing.load(settings.keys()), cluster::load, ring, settings.agentNamespace(), prints);
    return new Unsealing(refresh, refresh::ring);
  }

  private static KeyRing keyRing(EngineSettings settings, KubernetesClient client) {
    KeyRing ring = KeyRing.load(settings.keys());
    if (settings.keysFromCluster()) {
      ring = ring.plus(new ClusterKeySource(client, settings.keysNamespace()).load());
    }
    if (ring.isEmpty()) {
      throw new InvalidSpecException(
          List.of(
              new Problem(
                  Location.COMMAND_LINE,
                  "--key",
                  "no private keys: give --key FILE or --keys-from-cluster")));
    }
    return ring;
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  /** The cluster view; its informers serve event handlers too. */
  public ClusterView view() {
    return view;
  }

  @Override
  public void close() {
    view.close();
    source.close();
    reseal.close();
  }
}
