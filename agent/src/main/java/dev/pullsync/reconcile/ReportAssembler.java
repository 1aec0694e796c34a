package dev.pullsync.reconcile;

import dev.pullsync.apply.Outcome;
import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredLink;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Drift;
import dev.pullsync.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds the {@link Report} of one reconcile from its plan's outcomes; holds no credential. */
final class ReportAssembler {
  private ReportAssembler() {}

  static Report build(
      String cluster,
      String instance,
      String revision,
      Optional<String> applied,
      Optional<Desired> desired,
      List<Outcome> outcomes,
      List<String> errors,
      Instant finishedAt) {
    if (applied.isPresent() && !applied.get().equals(revision) && errors.isEmpty()) {
      // never Synced while the newest revision is not the one applied
      errors = List.of("revision " + revision + " not applied; enforcing " + applied.get());
    }
    return new Report(
        cluster,
        instance,
        revision,
        applied,
        result(outcomes, errors),
        finishedAt,
        counts(desired, outcomes),
        outcomes.stream().map(ReportAssembler::entry).toList(),
        errors);
  }

  static Report.Result result(List<Outcome> outcomes, List<String> errors) {
    if (!errors.isEmpty()) {
      return Report.Result.FAILED;
    }
    if (outcomes.stream().anyMatch(o -> has(o, Outcome.Status.FAILED, Outcome.Status.PENDING))) {
      return Report.Result.DEGRADED;
    }
    if (outcomes.stream().anyMatch(o -> has(o, Outcome.Status.PLANNED, Outcome.Status.SKIPPED))) {
      return Report.Result.DRIFTED;
    }
    return Report.Result.SYNCED;
  }

  private static boolean has(Outcome o, Outcome.Status a, Outcome.Status b) {
    return o.status() == a || o.status() == b;
  }

  private static Report.Counts counts(Optional<Desired> desired, List<Outcome> outcomes) {
    int namespaces =
        (int)
            desired.stream()
                .flatMap(d -> d.secrets().stream())
                .map(s -> s.ref().namespace())
                .distinct()
                .count();
    int secrets = desired.map(d -> d.secrets().size()).orElse(0);
    int serviceAccounts =
        (int)
            desired.stream()
                .flatMap(d -> d.links().stream())
                .filter(DesiredLink::present)
                .map(DesiredLink::serviceAccount)
                .distinct()
                .count();
    return new Report.Counts(
        namespaces,
        secrets,
        serviceAccounts,
        applied(outcomes, Action.CREATE),
        applied(outcomes, Action.UPDATE)
            + applied(outcomes, Action.REPLACE)
            + applied(outcomes, Action.ADOPT),
        applied(outcomes, Action.LINK),
        applied(outcomes, Action.UNLINK),
        applied(outcomes, Action.DELETE),
        (int) outcomes.stream().filter(o -> o.change().action() == Action.CONFLICT).count(),
        (int) outcomes.stream().filter(o -> o.status() == Outcome.Status.PENDING).count(),
        (int) outcomes.stream().filter(o -> o.change().drift().isPresent()).count(),
        (int) outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).count());
  }

  private static int applied(List<Outcome> outcomes, Action action) {
    return (int)
        outcomes.stream()
            .filter(o -> o.status() == Outcome.Status.APPLIED && o.change().action() == action)
            .count();
  }

  private static Report.Entry entry(Outcome o) {
    return new Report.Entry(
        o.change().pullSecret(),
        o.change().ref().namespace(),
        o.change().kind().display(),
        o.change().kind() == dev.pullsync.plan.Kind.SERVICE_ACCOUNT
            ? o.change().ref().name()
            : o.change().entry(),
        o.change().drift().map(Drift::display),
        o.change().action().display(),
        o.status().display(),
        o.reason());
  }
}
