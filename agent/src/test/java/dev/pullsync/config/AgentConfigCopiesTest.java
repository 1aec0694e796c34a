package dev.pullsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.spec.Mode;
import org.junit.jupiter.api.Test;

/** Flags merge over the file through the with... copies: each replaces its own field only. */
class AgentConfigCopiesTest {
  @Test
  void eachCopyReplacesOnlyItsField() {
    AgentConfig base = AgentConfig.defaults();
    HttpSettings http = new HttpSettings("127.0.0.1", 9090);

    AgentConfig merged =
        base.withCluster("prod-eu-1")
            .withNamespace("agents")
            .withInstance("team-a")
            .withMode(Mode.REPORT)
            .withSchedule("0 0 * * * ?")
            .withHttp(http)
            .withLogFormat(AgentConfig.LogFormat.JSON);

    assertThat(merged)
        .isEqualTo(
            new AgentConfig(
                "prod-eu-1",
                "agents",
                java.util.Optional.of("team-a"),
                Mode.REPORT,
                base.git(),
                "0 0 * * * ?",
                base.keys(),
                base.report(),
                base.prune(),
                http,
                base.webhook(),
                base.leaderElection(),
                base.kubernetes(),
                base.checks(),
                AgentConfig.LogFormat.JSON,
                base.reseal()));
    assertThat(base.cluster()).isEqualTo("default");
    assertThat(base.instance()).isEmpty();
  }
}
