package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's {@code /} page, loaded by a real headless Chromium from the running HTTP port: the
 * result, revision and counts are there, drift, failed and pending rows come first and carry the
 * highlight, the filter box (set through {@code #filter=}) hides the rows that do not match, and
 * the registry verdicts (login and images) have a table with the denied image highlighted.
 */
class StatusPageInABrowserTest {
  @TempDir Path tmp;
  private AgentHttpServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
  }

  @Test
  void driftRowsComeFirstHighlightedAndTheFilterNarrowsRows() throws Exception {
    StatusPage page = new StatusPage();
    page.finished(Trigger.full("test"), report(), Duration.ofMillis(5));
    http =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            HttpLimits.DEFAULTS,
            new Readiness(() -> true),
            new AgentMetrics(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
            Optional.empty(),
            t -> {},
            page);
    String base = "http://127.0.0.1:" + http.port() + "/";

    String dom = chromium(base);
    assertThat(dom).contains("id=\"result\" class=\"r-Drifted\">Drifted<");
    assertThat(dom).contains("main@sha1:0123456789abcdef0123456789abcdef01234567");
    assertThat(dom).contains("<td data-count=\"drifted\">2</td>");
    List<String> rows = rows(dom);
    assertThat(rows).hasSize(4);
    assertThat(rows.subList(0, 2))
        .allSatisfy(r -> assertThat(r).startsWith("<tr class=\"attention\""))
        .anySatisfy(r -> assertThat(r).contains("team-b").contains("modified"))
        .anySatisfy(r -> assertThat(r).contains("team-c").contains("failed"));
    assertThat(rows.subList(2, 4)).allSatisfy(r -> assertThat(r).doesNotContain("attention"));
    assertThat(rows).noneMatch(r -> r.contains("hidden"));
    assertThat(dom)
        .containsPattern(
            "(?s)<table id=\"registries\">.*<tr data-verdict=\"accepted\"><td>harbor</td>.*"
                + "<tr class=\"attention\" data-verdict=\"denied\"><td>harbor</td><td>[^<]*</td>"
                + "<td>image other-team/model:v2</td><td>denied</td>");

    List<String> filtered = rows(chromium(base + "#filter=team-b"));
    assertThat(filtered).hasSize(4);
    assertThat(filtered.stream().filter(r -> !r.contains("hidden")))
        .hasSize(1)
        .allSatisfy(r -> assertThat(r).contains("team-b"));
  }

  private static Report report() {
    return new Report(
            "prod",
            "pullsync.prod",
            "main@sha1:0123456789abcdef0123456789abcdef01234567",
            Optional.empty(),
            Report.Result.DRIFTED,
            Instant.parse("2026-11-30T05:00:00Z"),
            new Report.Counts(3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 2, 1),
            List.of(
                entry("team-a", Optional.empty(), "unchanged", "in sync"),
                entry("team-b", Optional.of("modified"), "planned", "data differs from the spec"),
                entry("team-c", Optional.of("missing"), "failed", "forbidden"),
                entry("team-d", Optional.empty(), "unchanged", "in sync")),
            List.of())
        .withRegistries(
            List.of(
                new Report.RegistryCheck(
                    "harbor",
                    "harbor.example.com",
                    "accepted",
                    "bearer token login accepted (200)",
                    Instant.parse("2026-11-30T04:58:00Z"),
                    List.of(
                        new Report.ImageCheck(
                            "other-team/model:v2",
                            "denied",
                            "bearer token, 401",
                            Instant.parse("2026-11-30T04:58:00Z"))))));
  }

  private static Report.Entry entry(
      String namespace, Optional<String> drift, String status, String reason) {
    return new Report.Entry(
        "harbor-credentials",
        namespace,
        "Secret",
        "harbor-credentials",
        drift,
        drift.isPresent() ? "update" : "noop",
        status,
        reason);
  }

  /** The table body's rows as the browser left them after the page's script ran. */
  private static List<String> rows(String dom) {
    Matcher body =
        Pattern.compile("(?s)<table id=\"objects\">.*?<tbody>(.*?)</tbody>").matcher(dom);
    assertThat(body.find()).as(dom).isTrue();
    return Pattern.compile("(?s)<tr[^>]*>.*?</tr>")
        .matcher(body.group(1))
        .results()
        .map(m -> m.group())
        .toList();
  }

  private String chromium(String url) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--user-data-dir=" + tmp.resolve("profile"),
                "--dump-dom",
                url)
            .redirectError(tmp.resolve("chromium.log").toFile())
            .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as("chromium exit").isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
