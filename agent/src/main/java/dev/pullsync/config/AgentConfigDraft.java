package dev.pullsync.config;

import dev.pullsync.spec.Mode;
import java.util.Optional;

/**
 * A mutable copy of an {@link AgentConfig}, used only inside its {@code edit}: the one place
 * besides the record itself that lists every field.
 */
final class AgentConfigDraft {
  String cluster;
  String namespace;
  Optional<String> instance;
  Mode mode;
  GitSettings git;
  String schedule;
  KeySettings keys;
  ReportSettings report;
  PruneSettings prune;
  HttpSettings http;
  WebhookSettings webhook;
  LeaderElectionSettings leaderElection;
  KubernetesSettings kubernetes;
  CheckSettings checks;
  AgentConfig.LogFormat logFormat;
  ResealSettings reseal;

  AgentConfigDraft(AgentConfig c) {
    cluster = c.cluster();
    namespace = c.namespace();
    instance = c.instance();
    mode = c.mode();
    git = c.git();
    schedule = c.schedule();
    keys = c.keys();
    report = c.report();
    prune = c.prune();
    http = c.http();
    webhook = c.webhook();
    leaderElection = c.leaderElection();
    kubernetes = c.kubernetes();
    checks = c.checks();
    logFormat = c.logFormat();
    reseal = c.reseal();
  }

  AgentConfig build() {
    return new AgentConfig(
        cluster,
        namespace,
        instance,
        mode,
        git,
        schedule,
        keys,
        report,
        prune,
        http,
        webhook,
        leaderElection,
        kubernetes,
        checks,
        logFormat,
        reseal);
  }
}
