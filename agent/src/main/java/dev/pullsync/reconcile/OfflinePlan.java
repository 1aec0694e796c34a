package dev.pullsync.reconcile;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.DockerConfig;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.desired.Renderer;
import dev.pullsync.desired.SourceDigest;
import dev.pullsync.live.ClusterListing;
import dev.pullsync.live.InventoryLive;
import dev.pullsync.plan.Change;
import dev.pullsync.plan.Kind;
import dev.pullsync.plan.Plan;
import dev.pullsync.plan.Planner;
import dev.pullsync.plan.Policy;
import dev.pullsync.report.PublishedInventory;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.Credential;
import dev.pullsync.unseal.Unsealed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code plan --offline-from}: the checked-out spec planned against a published inventory with the
 * real renderer and planner, no cluster contacted. The inventory holds no Secret data, so each of
 * our Secrets is compared by its sources: the same {@link SourceDigest} as the inventory records
 * means the same data; a different one with a key and the inventory's revision at hand is decided
 * exactly by decrypting both; otherwise it reads "value re-sealed".
 */
public final class OfflinePlan {
  /** The reason of a Secret whose sealed value changed and could not be decrypted here. */
  public static final String RESEALED =
      "value re-sealed: Secrets are updated if the decrypted value differs";

  static final String NOT_RECORDED =
      "value not comparable offline (the inventory records no source digest for this Secret,"
          + " e.g. it drifted or predates digests): Secrets are updated if the decrypted value"
          + " differs";

  private static final String UNKNOWN = "offline:unknown";

  private final Policy policy;
  private final Function<Spec, Unsealed> unsealer;
  private final boolean decrypts;

  /**
   * @param unsealer the real unsealer when a key is given ({@code decrypts}), else the stand-in
   */
  public OfflinePlan(Policy policy, Function<Spec, Unsealed> unsealer, boolean decrypts) {
    this.policy = policy;
    this.unsealer = unsealer;
    this.decrypts = decrypts;
  }

  /**
   * Plans {@code spec} (named {@code revision}) against {@code inventory}.
   *
   * @param previous the spec of the inventory's revision, when the repository holds it (used only
   *     with a key, for the exact answer on a re-sealed value)
   */
  public Plan plan(
      Spec spec,
      String revision,
      PublishedInventory inventory,
      String source,
      Optional<Spec> previous) {
    Instance instance = new Instance(inventory.instance());
    ClusterListing listing = inventory.listing();
    Inventory selection = listing.toInventory();
    Desired desired = new Renderer(instance).render(unsealer.apply(spec), selection, revision);
    Compared compared =
        compare(
            desired,
            listing,
            instance,
            SourceDigest.all(spec),
            previousRender(previous, instance, selection),
            previous.map(SourceDigest::all).orElse(Map.of()),
            inventory);
    Plan plan =
        new Planner(policy, instance)
            .plan(desired, InventoryLive.of(listing, instance, desired, compared.contents()));
    return plan.withChanges(reworded(plan.changes(), compared.reasons()))
        .withBasis(
            new Plan.Basis(
                inventory.cluster(), inventory.reportedAt(), inventory.revision(), source));
  }

  /** What each of our listed Secrets is taken to hold, and why where that is not known. */
  private record Compared(Map<Ref, InventoryLive.Content> contents, Map<Ref, String> reasons) {}

  /**
   * Our desired Secrets that the inventory lists, compared by sources: the recorded digest equal to
   * the spec's means equal data; else, with a key, the inventory revision's decrypted render (when
   * its digest is the recorded one); else unknown, with the reason.
   */
  private Compared compare(
      Desired desired,
      ClusterListing listing,
      Instance instance,
      Map<String, String> digests,
      Map<Ref, DesiredSecret> before,
      Map<String, String> previousDigests,
      PublishedInventory inventory) {
    Map<Ref, InventoryLive.Content> contents = new HashMap<>();
    Map<Ref, String> reasons = new HashMap<>();
    Map<Ref, ClusterListing.ManagedSecret> listed = new HashMap<>();
    listing.managedSecrets().forEach(m -> listed.put(new Ref(m.namespace(), m.name()), m));
    for (DesiredSecret want : desired.secrets()) {
      ClusterListing.ManagedSecret have = listed.get(want.ref());
      if (have == null || !instance.name().equals(have.instance())) {
        continue;
      }
      String recorded = have.sourceDigest();
      DesiredSecret old = before.get(want.ref());
      Credential data = liveData(want, have);
      if (!recorded.isEmpty() && recorded.equals(digests.get(want.pullSecret()))) {
        contents.put(want.ref(), new InventoryLive.Content(data, fingerprint(want)));
      } else if (old != null
          && !recorded.isEmpty()
          && recorded.equals(previousDigests.get(old.pullSecret()))) {
        contents.put(want.ref(), new InventoryLive.Content(old.data(), fingerprint(old)));
      } else {
        contents.put(want.ref(), new InventoryLive.Content(data, UNKNOWN));
        reasons.put(want.ref(), recorded.isEmpty() ? NOT_RECORDED : resealed(inventory));
      }
    }
    return new Compared(contents, reasons);
  }

  private static String fingerprint(DesiredSecret secret) {
    return secret.annotations().get(Ownership.FINGERPRINT);
  }

  private String resealed(PublishedInventory inventory) {
    return decrypts
        ? RESEALED
            + " (the cluster's revision "
            + inventory.revision()
            + " is not in this repository: fetch it for the exact answer)"
        : RESEALED;
  }

  private Map<Ref, DesiredSecret> previousRender(
      Optional<Spec> previous, Instance instance, Inventory selection) {
    Map<Ref, DesiredSecret> out = new HashMap<>();
    if (decrypts && previous.isPresent()) {
      Desired old =
          new Renderer(instance).render(unsealer.apply(previous.get()), selection, "previous");
      old.secrets().forEach(s -> out.put(s.ref(), s));
    }
    return out;
  }

  /**
   * The data the live Secret is taken to hold: the desired data, but with the registry servers the
   * inventory lists (a server added or removed is a real, visible difference; values are not).
   */
  private static Credential liveData(DesiredSecret want, ClusterListing.ManagedSecret have) {
    if (!want.isDockerConfig() || have.servers().isEmpty()) {
      return want.data();
    }
    Map<String, byte[]> entries =
        DockerConfig.entries(want.data().bytes(Ownership.DOCKER_CONFIG_KEY));
    DockerConfig config = new DockerConfig();
    for (String server : have.servers()) {
      byte[] entry = entries.get(server);
      if (entry == null) {
        config.add(server, "offline", "unknown", null);
      } else {
        config.merge(entry);
      }
    }
    return Credential.of(Map.of(Ownership.DOCKER_CONFIG_KEY, config.toJson()));
  }

  /**
   * A Secret whose data could not be compared is planned as an update for its fingerprint alone;
   * that reason is put in words here. Other differences keep the planner's own words.
   */
  private static List<Change> reworded(List<Change> changes, Map<Ref, String> reasons) {
    String stale = "annotation " + Ownership.FINGERPRINT + " differs";
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      String why = reasons.get(c.ref());
      if (why == null || c.kind() != Kind.SECRET || !c.reason().contains(stale)) {
        out.add(c); // a visible difference (type, servers, labels) already says what changes
        continue;
      }
      String reason = c.reason().replace(stale, why);
      out.add(
          new Change(
              c.action(),
              c.kind(),
              c.ref(),
              c.pullSecret(),
              c.entry(),
              c.drift(),
              c.execution(),
              reason,
              c.secret()));
    }
    return out;
  }
}
