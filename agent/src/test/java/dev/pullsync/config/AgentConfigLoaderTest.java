package dev.pullsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Mode;
import dev.pullsync.spec.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent configuration file: every field read, defaults filled, every problem located. */
class AgentConfigLoaderTest {
  private final AgentConfigLoader loader = new AgentConfigLoader();

  @Test
  void emptyFileMeansEveryDefault(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("config.yaml"), "# all defaults\n");
    AgentConfig config = loader.load(file);
    assertThat(config).isEqualTo(AgentConfig.defaults());
    assertThat(config.schedule()).isEqualTo("0 */5 * * * ?");
    assertThat(config.git().branch()).isEqualTo("main");
    assertThat(config.report().branch()).isEqualTo("pullsync-status");
    assertThat(config.prune().maxDeleteShare()).isEqualTo(0.25);
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.kubernetes().writeConcurrency()).isEqualTo(8);
    assertThat(config.checks()).isEqualTo(new CheckSettings(true, Map.of()));
    assertThat(config.reseal().pushBranch()).isFalse();
  }

  @Test
  void readsEveryField() throws IOException {
    Path file = Path.of(getClass().getResource("/config/full.yaml").getPath());
    AgentConfig c = loader.load(file);
    assertThat(c.cluster()).isEqualTo("prod-eu-1");
    assertThat(c.namespace()).isEqualTo("pullsync-system");
    assertThat(c.mode()).isEqualTo(Mode.REPORT);
    assertThat(c.git().url()).contains("https://git.example.com/platform/pull-credentials.git");
    assertThat(c.git().branch()).isEqualTo("production");
    assertThat(c.git().path()).isEqualTo("clusters/prod");
    assertThat(c.git().workDir()).contains(Path.of("/var/lib/pullsync"));
    assertThat(c.git().auth().tokenFile()).contains(Path.of("/etc/pullsync/git/token"));
    assertThat(c.git().auth().sshKeyFile()).isEmpty();
    assertThat(c.git().verify().mode()).isEqualTo(GitSettings.VerifyMode.HEAD);
    assertThat(c.git().verify().keysFile()).contains(Path.of("/etc/pullsync/trusted.asc"));
    assertThat(c.schedule()).isEqualTo("0 0/10 * * * ?");
    assertThat(c.keys().files()).containsExactly(Path.of("/etc/pullsync/keys/tls.key"));
    assertThat(c.keys().fromCluster()).isEqualTo(new KeySettings.FromCluster(true, "sealed"));
    assertThat(c.report())
        .isEqualTo(
            new ReportSettings(
                false, "status", "reports", new ReportSettings.Author("bot", "bot@example.com")));
    assertThat(c.prune()).isEqualTo(new PruneSettings(false, 0.5));
    assertThat(c.http()).isEqualTo(new HttpSettings("127.0.0.1", 9090));
    assertThat(c.webhook().secretFile()).contains(Path.of("/etc/pullsync/webhook"));
    assertThat(c.leaderElection())
        .isEqualTo(new LeaderElectionSettings(true, "pullsync-leader", 30, 20, 5));
    assertThat(c.kubernetes()).isEqualTo(new KubernetesSettings(20.5, 40, 4));
    assertThat(c.checks())
        .isEqualTo(new CheckSettings(false, Map.of("192.168.58.12:30002", "harbor.harbor.svc:80")));
    assertThat(c.logFormat()).isEqualTo(AgentConfig.LogFormat.JSON);
    assertThat(c.reseal()).isEqualTo(new ResealSettings(true));
  }

  @Test
  void withersReplaceOneField() {
    AgentConfig c = AgentConfig.defaults().withCluster("a").withMode(Mode.REPORT);
    assertThat(c.cluster()).isEqualTo("a");
    assertThat(c.mode()).isEqualTo(Mode.REPORT);
    assertThat(c.git().withUrl("file:///r").url()).contains("file:///r");
    assertThat(c.namespace()).isEqualTo("pullsync");
  }

  @Test
  void reportsEveryProblemWithFileLineAndField() {
    String yaml =
        """
        cluster: 7
        mode: dry-run
        git:
          branch: ""
          autth: {}
        schedule: every five minutes
        prune:
          maxDeleteShare: 2
        http:
          port: "8080"
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "cfg.yaml:1: cluster: must be a string, not a number (quote it if you mean text)",
            "cfg.yaml:2: mode: must be one of enforce, report",
            "cfg.yaml:4: git.branch: must not be empty",
            "cfg.yaml:5: git.autth: unknown field (expected one of url, branch, path, workDir,"
                + " auth, verify)",
            "cfg.yaml:8: prune.maxDeleteShare: must be at most 1",
            "cfg.yaml:10: http.port: must be an integer, not a string");
  }

  @Test
  void rejectsRulesTheSchemaCannotState() {
    String yaml =
        """
        schedule: "0 61 * * * ?"
        git:
          verify:
            mode: head
        leaderElection:
          leaseDurationSeconds: 10
          renewDeadlineSeconds: 10
          retryPeriodSeconds: 12
        """;
    List<String> problems = problems(yaml);
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0))
        .startsWith("cfg.yaml:1: schedule: not a valid Quartz cron expression (")
        .endsWith("); for example \"0 */5 * * * ?\" runs every five minutes");
    assertThat(problems.subList(1, 4))
        .containsExactly(
            "cfg.yaml:3: git.verify: mode head needs keysFile",
            "cfg.yaml:7: leaderElection.renewDeadlineSeconds: must be less than"
                + " leaseDurationSeconds (10)",
            "cfg.yaml:8: leaderElection.retryPeriodSeconds: must be less than"
                + " renewDeadlineSeconds (10)");
  }

  @Test
  void refusesTheRemovedGlobalAllowHttpNamingTheRegistrySetting() {
    assertThat(problems("checks:\n  allowHttp: true\n"))
        .containsExactly(
            "cfg.yaml:2: checks.allowHttp: removed: plain HTTP is chosen per registry; set"
                + " spec.insecure: true on the Registry that speaks HTTP (its credential then goes"
                + " over HTTP to it alone)");
  }

  @Test
  void malformedYamlIsOneLocatedLine() {
    assertThat(problems("cluster: a\ncluster: b\n"))
        .containsExactly("cfg.yaml:2: cluster: duplicate key (first given at line 1)");
    assertThat(problems("git:\n\tbranch: main\n"))
        .containsExactly(
            "cfg.yaml:2: invalid YAML: tab character where YAML needs spaces for indentation");
    assertThat(problems("- a\n- b\n")).containsExactly("cfg.yaml:1: must be a mapping of settings");
  }

  @Test
  void missingFileIsInvalidInput(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(missing + ":1: cannot read file (no such file)");
  }

  private List<String> problems(String yaml) {
    try {
      loader.parse(yaml.getBytes(StandardCharsets.UTF_8), "cfg.yaml");
    } catch (InvalidSpecException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("accepted: " + yaml);
  }
}
