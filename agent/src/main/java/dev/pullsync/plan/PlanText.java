package dev.pullsync.plan;

/** Plain text, one line per change that is not a no-op. */
final class PlanText {
  private PlanText() {}

  static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Plan for ").append(plan.revision()).append(": ").append(PlanFormat.summary(plan));
    out.append('\n');
    plan.basis()
        .ifPresent(
            b ->
                out.append("Planned offline against ")
                    .append(b.describe())
                    .append(" (")
                    .append(b.source())
                    .append(")\n"));
    for (Plan.ServerChange change : plan.newServers()) {
      out.append("!!! ").append(change.warning()).append('\n');
    }
    registries(plan, out);
    long unchanged = 0;
    for (Change c : plan.changes()) {
      if (c.action() == Action.NOOP) {
        unchanged++;
        continue;
      }
      String where = c.kind() == Kind.NAMESPACE ? "" : " in " + c.ref().namespace();
      out.append(String.format("  %-8s %s%s", c.action().display(), PlanFormat.object(c), where))
          .append(c.drift().map(d -> " [" + d.display() + "]").orElse(""))
          .append(PlanFormat.executionNote(c))
          .append(": ")
          .append(c.reason())
          .append('\n');
    }
    if (unchanged > 0) {
      out.append("  ").append(unchanged).append(" unchanged\n");
    }
    plan.errors().forEach(e -> out.append("error: ").append(e).append('\n'));
    return out.toString();
  }

  /** Per Registry its login verdict, one line per verified image, and why it would be held. */
  private static void registries(Plan plan, StringBuilder out) {
    for (Plan.RegistryVerdict v : plan.registries()) {
      out.append(String.format("  registry %s (%s): %s", v.registry(), v.server(), v.verdict()))
          .append(v.reason().isEmpty() ? "" : ": " + v.reason())
          .append('\n');
      for (Plan.ImageVerdict i : v.images()) {
        out.append(String.format("    image %s: %s: %s", i.image(), i.verdict(), i.reason()))
            .append('\n');
      }
      v.heldBack()
          .ifPresent(h -> out.append("!!! new credential held back: ").append(h).append('\n'));
    }
  }
}
