package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DockerConfig;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.desired.Renderer;
import dev.pullsync.live.Live;
import dev.pullsync.live.LiveSecret;
import dev.pullsync.live.LiveServiceAccount;
import dev.pullsync.spec.Adopt;
import dev.pullsync.spec.Mode;
import dev.pullsync.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One golden planner case read from {@code desired.yaml} (registries, PullSecrets, policy: rendered
 * by the real Renderer) and {@code live.yaml} (namespaces, ServiceAccounts, Secrets). Credential
 * values in these files are dummies; the golden plan shows none of them.
 */
final class GoldenCase {
  /** The instance every golden case plans for; its live Secrets carry this label. */
  static final Instance INSTANCE = new Instance("golden");

  final Policy policy;
  final Desired desired;
  final Live live;

  @SuppressWarnings("unchecked")
  GoldenCase(Path dir) throws IOException {
    Map<String, Object> d = yaml(dir.resolve("desired.yaml"));
    Map<String, Object> l = yaml(dir.resolve("live.yaml"));
    Map<String, Object> p = (Map<String, Object>) d.getOrDefault("policy", Map.of());
    policy =
        new Policy(
            Mode.valueOf(((String) p.getOrDefault("mode", "enforce")).toUpperCase(Locale.ROOT)),
            (Boolean) p.getOrDefault("prune", true),
            ((Number) p.getOrDefault("maxDeleteShare", 0.25)).doubleValue());
    Fixtures spec = Fixtures.spec();
    for (Map<String, Object> r : list(d, "registries")) {
      spec.registry(
          (String) r.get("name"),
          (String) r.get("server"),
          (String) r.get("username"),
          (String) r.get("password"),
          (String) r.get("email"));
    }
    for (Map<String, Object> ps : list(d, "pullSecrets")) {
      spec.pullSecret(pullSecret(ps));
    }
    desired =
        new Renderer(INSTANCE).render(spec.unsealed(), inventory(l), (String) d.get("revision"));
    live = live(l, desired);
  }

  @SuppressWarnings("unchecked")
  private static Fixtures.PullSecretBuilder pullSecret(Map<String, Object> ps) {
    List<String> regs = (List<String>) ps.get("registries");
    Fixtures.PullSecretBuilder b =
        Fixtures.pullSecret((String) ps.get("name"), regs.toArray(String[]::new))
            .names(strings(ps, "names"))
            .patterns(strings(ps, "patterns"))
            .exclude(strings(ps, "exclude"))
            .mode(
                Mode.valueOf(
                    ((String) ps.getOrDefault("mode", "enforce")).toUpperCase(Locale.ROOT)))
            .adopt("ifUnmanaged".equals(ps.get("adopt")) ? Adopt.IF_UNMANAGED : Adopt.NEVER);
    if (ps.containsKey("serviceAccounts")) {
      b.serviceAccounts(strings(ps, "serviceAccounts"));
    }
    if (ps.containsKey("selector")) {
      b.selector((Map<String, String>) ps.get("selector"));
    }
    return b;
  }

  @SuppressWarnings("unchecked")
  private static Inventory inventory(Map<String, Object> l) {
    List<Inventory.Namespace> namespaces = new ArrayList<>();
    Map<String, Set<String>> sas = new HashMap<>();
    for (Map<String, Object> ns : list(l, "namespaces")) {
      String name = (String) ns.get("name");
      namespaces.add(
          new Inventory.Namespace(
              name,
              (Map<String, String>) ns.getOrDefault("labels", Map.of()),
              (Map<String, String>) ns.getOrDefault("annotations", Map.of()),
              (Boolean) ns.getOrDefault("terminating", false)));
      Map<String, Object> accounts =
          (Map<String, Object>) ns.getOrDefault("serviceAccounts", Map.of());
      sas.put(name, accounts.keySet());
    }
    return new Inventory(namespaces, sas);
  }

  @SuppressWarnings("unchecked")
  private static Live live(Map<String, Object> l, Desired desired) {
    Map<Ref, LiveServiceAccount> sas = new TreeMap<>();
    for (Map<String, Object> ns : list(l, "namespaces")) {
      Map<String, Map<String, Object>> accounts =
          (Map<String, Map<String, Object>>) ns.getOrDefault("serviceAccounts", Map.of());
      accounts.forEach(
          (name, sa) -> {
            Ref ref = new Ref((String) ns.get("name"), name);
            List<String> owned =
                (List<String>) (sa == null ? List.of() : sa.getOrDefault("owned", List.of()));
            Map<String, String> annotations =
                owned.isEmpty()
                    ? Map.of()
                    : Map.of(Ownership.ownedKey(INSTANCE), Ownership.ownedAnnotation(owned));
            List<String> pull =
                (List<String>)
                    (sa == null ? List.of() : sa.getOrDefault("imagePullSecrets", List.of()));
            sas.put(ref, new LiveServiceAccount(ref, pull, annotations, "1"));
          });
    }
    Map<Ref, LiveSecret> secrets = new TreeMap<>();
    int managed = 0;
    for (Map<String, Object> s : list(l, "secrets")) {
      LiveSecret secret = GoldenSecrets.secret(s, desired);
      secrets.put(secret.ref(), secret);
      managed += secret.owner(INSTANCE) == Ownership.Owner.OURS ? 1 : 0;
    }
    int total = ((Number) l.getOrDefault("managedSecrets", managed)).intValue();
    int linked = sas.values().stream().mapToInt(sa -> sa.ownedEntries(INSTANCE).size()).sum();
    return new Live(
        secrets, sas, total, ((Number) l.getOrDefault("linkedEntries", linked)).intValue());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null ? List.of() : (List<Map<String, Object>>) v;
  }

  @SuppressWarnings("unchecked")
  private static String[] strings(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null ? new String[0] : ((List<String>) v).toArray(String[]::new);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    Object doc =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    return doc == null ? Map.of() : (Map<String, Object>) doc;
  }

  static byte[] render(Map<String, Map<String, String>> auths) {
    DockerConfig config = new DockerConfig();
    auths.forEach(
        (server, e) -> config.add(server, e.get("username"), e.get("password"), e.get("email")));
    return config.toJson();
  }
}
