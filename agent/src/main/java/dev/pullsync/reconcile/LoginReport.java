package dev.pullsync.reconcile;

import dev.pullsync.check.LoginGate;
import dev.pullsync.plan.Plan;
import dev.pullsync.report.Report;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The login check's verdicts as the report and the plan show them: server, verdict, why, when. */
final class LoginReport {
  private LoginReport() {}

  static List<Report.RegistryCheck> of(Collection<LoginGate.Checked> verdicts) {
    return verdicts.stream()
        .map(
            c ->
                new Report.RegistryCheck(
                    c.registry(),
                    c.server(),
                    c.result().status().display(),
                    c.result().explain(c.registry()),
                    c.checkedAt()))
        .toList();
  }

  /**
   * The plan's verdicts. A server the plan would send a credential to for the first time is not
   * asked: {@code pullsync plan} runs on unreviewed revisions, and asking would send the credential
   * there before anyone approved it.
   */
  static List<Plan.RegistryVerdict> forPlan(LoginGate logins, Revision good, Plan plan) {
    Set<String> newServers =
        plan.newServers().stream().map(Plan.ServerChange::server).collect(Collectors.toSet());
    return logins.verdicts(good.unsealed(), good.name(), newServers).values().stream()
        .map(
            c ->
                new Plan.RegistryVerdict(
                    c.registry(),
                    c.server(),
                    c.result().status().display(),
                    c.result().explain(c.registry())))
        .toList();
  }
}
