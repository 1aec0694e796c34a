package dev.pullsync.plan;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The three ways {@code pullsync plan} prints a plan. None of them can show a value. */
public enum PlanFormat {
  TEXT(PlanText::render),
  MARKDOWN(PlanMarkdown::render),
  JSON(PlanJson::render);

  private final Function<Plan, String> renderer;

  PlanFormat(Function<Plan, String> renderer) {
    this.renderer = renderer;
  }

  public String render(Plan plan) {
    return renderer.apply(plan);
  }

  /** Parses {@code text}, {@code markdown} or {@code json} (any case). */
  public static PlanFormat parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** "2 create, 1 link" over the writing changes; "no changes" when there are none. */
  static String summary(Plan plan) {
    Map<Action, Integer> counts = new TreeMap<>();
    plan.changes().stream()
        .filter(c -> c.action() != Action.NOOP)
        .forEach(c -> counts.merge(c.action(), 1, Integer::sum));
    if (counts.isEmpty()) {
      return "no changes";
    }
    StringBuilder out = new StringBuilder();
    counts.forEach(
        (a, n) ->
            out.append(out.length() == 0 ? "" : ", ").append(n).append(' ').append(a.display()));
    return out.toString();
  }

  /** "(report only)" / "(refused)" / "" for a change's execution. */
  static String executionNote(Change c) {
    if (!c.action().writes()) {
      return "";
    }
    return switch (c.execution()) {
      case APPLY -> "";
      case REPORT -> " (report mode: not applied)";
      case REFUSED -> " (refused)";
    };
  }

  /** The object a change is about, as people read it. */
  static String object(Change c) {
    return switch (c.kind()) {
      case SECRET -> "Secret " + c.ref().name();
      case SERVICE_ACCOUNT -> "ServiceAccount " + c.ref().name() + " entry " + c.entry();
      case NAMESPACE -> "Namespace " + c.ref().name();
    };
  }
}
