package dev.pullsync.reconcile;

import dev.pullsync.check.HeldBack;
import dev.pullsync.check.ImageGate;
import dev.pullsync.check.LoginGate;
import dev.pullsync.check.LoginResult;
import dev.pullsync.plan.Plan;
import dev.pullsync.report.Report;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The registry checks' verdicts as the report and the plan show them: per Registry the login's
 * (server, verdict, why, when) and each {@code verify} image's.
 */
final class LoginReport {
  private LoginReport() {}

  static List<Report.RegistryCheck> of(
      Map<String, LoginGate.Checked> verdicts, Map<String, List<ImageGate.Checked>> images) {
    return verdicts.values().stream()
        .map(
            c ->
                new Report.RegistryCheck(
                    c.registry(),
                    c.server(),
                    c.result().status().display(),
                    c.result().explain(c.registry()),
                    c.checkedAt(),
                    images.getOrDefault(c.registry(), List.of()).stream()
                        .map(i -> image(c, i))
                        .toList()))
        .toList();
  }

  private static Report.ImageCheck image(LoginGate.Checked login, ImageGate.Checked i) {
    return new Report.ImageCheck(
        i.result().image(),
        i.result().status().display(),
        i.result().explain(login.registry(), accepted(login)),
        i.checkedAt());
  }

  private static boolean accepted(LoginGate.Checked login) {
    return login.result().status() == LoginResult.Status.ACCEPTED;
  }

  /**
   * The plan's verdicts, with the images' and, for a registry whose new credential the plan would
   * roll out but the checks hold back, why. A server the plan would send a credential to for the
   * first time is not asked (neither logged in to nor asked for an image): {@code pullsync plan}
   * runs on unreviewed revisions, and asking would send the credential there before anyone approved
   * it.
   */
  static List<Plan.RegistryVerdict> forPlan(LoginGate logins, Revision good, Plan plan) {
    Set<String> newServers =
        plan.newServers().stream().map(Plan.ServerChange::server).collect(Collectors.toSet());
    Map<String, LoginGate.Checked> verdicts =
        logins.verdicts(good.unsealed(), good.name(), newServers);
    Map<String, List<ImageGate.Checked>> images = logins.images(good.unsealed(), newServers);
    Map<String, String> held = new TreeMap<>(HeldBack.reasons(verdicts, images));
    held.keySet()
        .removeIf( // only where the plan would roll a credential out
            r -> RolloutHold.of(plan, good.unsealed().spec(), Map.of(r, "")).held().isEmpty());
    return verdicts.values().stream()
        .map(
            c ->
                new Plan.RegistryVerdict(
                    c.registry(),
                    c.server(),
                    c.result().status().display(),
                    c.result().explain(c.registry()),
                    images.getOrDefault(c.registry(), List.of()).stream()
                        .map(
                            i ->
                                new Plan.ImageVerdict(
                                    i.result().image(),
                                    i.result().status().display(),
                                    i.result().explain(c.registry(), accepted(c))))
                        .toList(),
                    Optional.ofNullable(held.get(c.registry()))))
        .toList();
  }
}
