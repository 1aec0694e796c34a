package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.pullsync.desired.DockerConfig;
import dev.pullsync.report.Report;
import dev.pullsync.report.ReportFiles;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.SourceException;
import dev.pullsync.source.SourceOptions;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The canary password goes through every path (apply, rotation, drift repair, failures, plans in
 * all formats, reports, invalid input) and is then searched for, also base64-encoded, in every log
 * line at DEBUG, every output, every report file and every exception message: never found.
 */
class NeverLeaksCanaryTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  final Logger ours = (Logger) LoggerFactory.getLogger("dev.pullsync");
  final List<String> seen = new ArrayList<>();
  Level before;

  @BeforeEach
  void capture() {
    before = ours.getLevel();
    ours.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
    ours.setLevel(before);
    cluster.close();
  }

  @Test
  void canaryNeverAppears() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    EngineCli cli = new EngineCli(tmp.resolve("cli"), cluster);
    record(cli.run("plan"));
    record(cli.run("plan", "--format", "markdown"));
    record(cli.run("plan", "--format", "json"));
    record(cli.run("run"));
    cli.repo
        .write("pull-secret.yaml", EngineCli.PULL_SECRET.replace("[harbor]", "[nope]"))
        .commit("x");
    record(cli.run("run"));
    record(cli.run("plan"));
    cluster.fault(
        r ->
            r.getMethod().equals("PUT")
                ? new MockResponse().setResponseCode(500).setBody("{\"reason\":\"InternalError\"}")
                : null);
    engineRuns();
    exceptionMessages();

    for (ILoggingEvent e : logs.list) {
      seen.add(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        seen.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
    }
    assertThat(logs.list).isNotEmpty();
    String base64 =
        Base64.getEncoder().encodeToString(Fixtures.CANARY.getBytes(StandardCharsets.UTF_8));
    assertThat(seen).hasSizeGreaterThan(20);
    assertThat(seen).noneMatch(s -> s.contains(Fixtures.CANARY) || s.contains(base64));
  }

  private void engineRuns() {
    try (TestEngine engine =
        new TestEngine(cluster, tmp.resolve("engine")).commit(Fixtures.seed())) {
      Report failed = engine.runOnce();
      cluster.fault(null);
      engine.commit(
          Fixtures.spec()
              .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY + "-rotated", null)
              .pullSecret(
                  Fixtures.pullSecret("harbor-credentials", "harbor").names("user-example-com")));
      Report rotated = engine.runOnce();
      seen.add(engine.plan().toString());
      engine.commitInvalid();
      Report invalid = engine.runOnce();
      for (Report r : List.of(failed, rotated, invalid)) {
        ReportFiles files = ReportFiles.of(r);
        seen.add(files.yaml());
        seen.add(files.markdown());
        seen.add(r.toString());
      }
      try {
        engine.plan();
      } catch (dev.pullsync.spec.InvalidSpecException e) {
        seen.add(e.getMessage());
      }
    }
  }

  private void exceptionMessages() {
    try {
      new DockerConfig()
          .merge(
              ("{\"auths\":{\"x\":{\"password\":" + Fixtures.CANARY + "}}}")
                  .getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      seen.add(e.getMessage());
    }
    try {
      new GitSource(
              SourceOptions.local(
                      "https://admin:" + Fixtures.CANARY + "@127.0.0.1:1/repo.git", "main", "")
                  .withWorkDir(tmp.resolve("w")),
              Clock.systemUTC())
          .fetch();
    } catch (SourceException e) {
      seen.add(e.getMessage());
    }
    seen.add(Fixtures.seed().unsealed().toString());
  }

  private void record(CommandRun run) {
    seen.add(run.out());
    seen.add(run.err());
  }
}
