package dev.pullsync.plan;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Machine-readable: every change, no-ops included, with its execution. */
final class PlanJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlanJson() {}

  static String render(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("revision", plan.revision());
    root.put("hasChanges", plan.hasChanges());
    root.put("summary", PlanFormat.summary(plan));
    plan.basis()
        .ifPresent(
            b -> {
              ObjectNode n = root.putObject("offlineFrom");
              n.put("cluster", b.cluster());
              n.put("reportedAt", b.reportedAt().toString());
              n.put("revision", b.revision());
              n.put("source", b.source());
              n.put("description", b.describe());
            });
    ArrayNode errors = root.putArray("errors");
    plan.errors().forEach(errors::add);
    ArrayNode newServers = root.putArray("newServers");
    for (Plan.ServerChange change : plan.newServers()) {
      ObjectNode n = newServers.addObject();
      n.put("server", change.server());
      change.replaces().forEach(n.putArray("replaces")::add);
      n.put("warning", change.warning());
    }
    ArrayNode registries = root.putArray("registries");
    for (Plan.RegistryVerdict v : plan.registries()) {
      ObjectNode n = registries.addObject();
      n.put("registry", v.registry());
      n.put("server", v.server());
      n.put("verdict", v.verdict());
      n.put("reason", v.reason());
      ArrayNode images = n.putArray("images");
      for (Plan.ImageVerdict i : v.images()) {
        ObjectNode image = images.addObject();
        image.put("image", i.image());
        image.put("verdict", i.verdict());
        image.put("reason", i.reason());
      }
      v.heldBack().ifPresent(h -> n.put("heldBack", h));
    }
    ArrayNode changes = root.putArray("changes");
    for (Change c : plan.changes()) {
      ObjectNode n = changes.addObject();
      n.put("action", c.action().display());
      n.put("kind", c.kind().display());
      n.put("namespace", c.ref().namespace());
      n.put("name", c.ref().name());
      n.put("entry", c.entry());
      n.put("pullSecret", c.pullSecret());
      c.drift().ifPresent(d -> n.put("drift", d.display()));
      n.put("execution", c.execution().name().toLowerCase(java.util.Locale.ROOT));
      n.put("reason", c.reason());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
