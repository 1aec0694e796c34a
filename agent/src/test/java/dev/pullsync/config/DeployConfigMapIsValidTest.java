package dev.pullsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.spec.YamlDocument;
import dev.pullsync.spec.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The agent configuration shipped in examples/deploy/configmap.yaml passes the loader. */
class DeployConfigMapIsValidTest {

  @Test
  void shippedConfigMapHoldsAValidAgentConfiguration() {
    Path file = Path.of("..", "examples", "deploy", "configmap.yaml");
    YamlReader.Result read = new YamlReader().read(file, "configmap.yaml");
    assertThat(read.problems()).isEmpty();
    YamlDocument configMap = read.documents().get(0);
    String text = configMap.root().path("data").path("config.yaml").asString();
    assertThat(text).isNotEmpty();
    AgentConfig config =
        new AgentConfigLoader().parse(text.getBytes(StandardCharsets.UTF_8), "config.yaml");
    assertThat(config.cluster()).isEqualTo("production-eu1");
    assertThat(config.leaderElection().enabled()).isTrue();
    assertThat(config.logFormat()).isEqualTo(AgentConfig.LogFormat.JSON);
  }
}
