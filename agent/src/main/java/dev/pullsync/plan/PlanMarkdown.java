package dev.pullsync.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A pull-request comment: a summary, then one table per PullSecret with a row per namespace and
 * object saying what will change and why.
 */
final class PlanMarkdown {
  private PlanMarkdown() {}

  static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("### pullsync plan for `").append(plan.revision()).append("`\n\n");
    plan.basis()
        .ifPresent(
            b ->
                out.append("Planned offline against ")
                    .append(cell(b.describe()))
                    .append(" (`")
                    .append(cell(b.source()))
                    .append("`); no cluster was contacted.\n\n"));
    out.append("**").append(PlanFormat.summary(plan)).append("**\n");
    for (Plan.ServerChange change : plan.newServers()) {
      out.append("\n> [!CAUTION]\n> **").append(cell(change.warning())).append("**\n");
    }
    for (String e : plan.errors()) {
      out.append("\n> :warning: ").append(cell(e)).append('\n');
    }
    registries(plan, out);
    Map<String, List<Change>> byPullSecret =
        plan.changes().stream()
            .filter(c -> c.action() != Action.NOOP)
            .collect(Collectors.groupingBy(Change::pullSecret, TreeMap::new, Collectors.toList()));
    byPullSecret.forEach(
        (pullSecret, changes) -> {
          out.append("\n#### PullSecret `").append(pullSecret).append("`\n\n");
          out.append("| Namespace | Object | Change | Drift | Why |\n");
          out.append("|---|---|---|---|---|\n");
          for (Change c : changes) {
            out.append("| ").append(cell(c.ref().namespace()));
            out.append(" | ").append(cell(PlanFormat.object(c)));
            out.append(" | ").append(c.action().display()).append(PlanFormat.executionNote(c));
            out.append(" | ").append(c.drift().map(Drift::display).orElse(""));
            out.append(" | ").append(cell(c.reason())).append(" |\n");
          }
        });
    return out.toString();
  }

  /** The login verdicts, then the image verdicts, then a warning per credential held back. */
  private static void registries(Plan plan, StringBuilder out) {
    if (plan.registries().isEmpty()) {
      return;
    }
    out.append("\n| Registry | Server | Login check | Why |\n|---|---|---|---|\n");
    for (Plan.RegistryVerdict v : plan.registries()) {
      out.append("| ").append(cell(v.registry())).append(" | ").append(cell(v.server()));
      out.append(" | ").append(cell(v.verdict())).append(" | ").append(cell(v.reason()));
      out.append(" |\n");
    }
    if (plan.registries().stream().anyMatch(v -> !v.images().isEmpty())) {
      out.append("\n| Registry | Image | Image check | Why |\n|---|---|---|---|\n");
      for (Plan.RegistryVerdict v : plan.registries()) {
        for (Plan.ImageVerdict i : v.images()) {
          out.append("| ").append(cell(v.registry())).append(" | `").append(cell(i.image()));
          out.append("` | ").append(cell(i.verdict())).append(" | ").append(cell(i.reason()));
          out.append(" |\n");
        }
      }
    }
    for (Plan.RegistryVerdict v : plan.registries()) {
      v.heldBack()
          .ifPresent(
              h ->
                  out.append("\n> [!WARNING]\n> **New credential held back:** ")
                      .append(cell(h))
                      .append('\n'));
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
