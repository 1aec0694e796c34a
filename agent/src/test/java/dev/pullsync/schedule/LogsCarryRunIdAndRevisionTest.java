package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every line logged during a reconcile, also from the applier's worker threads, carries the run id
 * and the revision; no line carries the credential.
 */
class LogsCarryRunIdAndRevisionTest {
  @TempDir Path tmp;

  @Test
  void everyLineOfAReconcileNamesItsRunAndRevision() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    MockCluster cluster = new MockCluster();
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      Agent agent =
          Agent.start(
              ServiceSettings.defaults().withHttp(new InetSocketAddress("127.0.0.1", 0)),
              cluster.client(),
              ClusterInformers.of(engine.view()),
              engine.reconciler(),
              new AgentMetrics(Clock.systemUTC()),
              ReconcileQueue.RunListener.NONE);
      try {
        await().atMost(Duration.ofSeconds(20)).until(() -> !engine.published().isEmpty());
      } finally {
        agent.close();
      }
    } finally {
      root.detachAppender(logs);
      cluster.close();
    }
    List<ILoggingEvent> writes =
        logs.list.stream()
            .filter(
                e ->
                    e.getLoggerName().endsWith("SecretWriter")
                        || e.getLoggerName().endsWith("ServiceAccountWriter"))
            .toList();
    assertThat(writes).hasSizeGreaterThanOrEqualTo(2);
    assertThat(writes)
        .allSatisfy(
            e -> {
              assertThat(e.getMDCPropertyMap()).containsKey("runId");
              assertThat(e.getMDCPropertyMap().get("revision")).startsWith("main@sha1:");
            });
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(Fixtures.CANARY));
  }
}
