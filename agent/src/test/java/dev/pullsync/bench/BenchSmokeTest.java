package dev.pullsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.apply.ApplyOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at 120 namespaces, as CI runs it: the real engine against the counting API server
 * must send no request at all for a no-op reconcile, exactly the needed writes to repair drift and
 * to roll out a rotation, and nothing but writes (after the informers' lists and watches).
 */
class BenchSmokeTest {
  @TempDir Path tmp;

  @Test
  void smallRunMeetsEveryRequestTarget() {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Benchmark.Settings settings =
        new Benchmark.Settings(
            120, 20, 20, ApplyOptions.defaults().withRate(2000, 2000), 2048, tmp, "");

    BenchReport report =
        BenchCommand.run(settings, true, new PrintStream(progress, true, StandardCharsets.UTF_8));

    String table = report.table();
    // Every hard target at this scale is a request count: the CPU and latency targets are
    // printed but hard only at their own scale, so a slow CI machine cannot fail this test.
    assertThat(report.figures().stream().filter(Figure::hard)).as(table).allMatch(Figure::met);
    assertThat(figure(report, NoOpPhase.PHASE, NoOpPhase.CPU_FIGURE).hard()).isFalse();
    assertThat(figure(report, NoOpPhase.PHASE, NoOpPhase.CPU_FIGURE).target())
        .isEqualTo("<= 200 ms at >= 10000 namespaces (not hard here)");
    assertThat(figure(report, NewNamespacesPhase.PHASE, NewNamespacesPhase.LINKED_FIGURE).hard())
        .isFalse();
    assertThat(table).contains("hard targets:\n").contains("PASS  2 no-op reconcile, requests");
    assertThat(figure(report, "5 new namespaces", "creation -> ServiceAccount linked").value())
        .as(table)
        .matches("p50 \\d+ ms, p95 \\d+ ms, p99 \\d+ ms, max \\d+ ms");
    assertThat(figure(report, "2 no-op reconcile", "requests (6 ticks)").value())
        .as(table)
        .isEqualTo("0 (none)");
    assertThat(figure(report, "3 drift 1%", "requests to repair").value())
        .as(table)
        .isEqualTo("3 (create secrets=1, update secrets=1, update serviceaccounts=1)");
    assertThat(figure(report, "4 rotation", "writes").value())
        .as(table)
        .isEqualTo("60 (update secrets=60)");
    assertThat(figure(report, "1 cold start", "writes").met()).as(table).isTrue();
    assertThat(figure(report, "1 cold start", "reads (list+watch+get)").value())
        .as(table)
        .isEqualTo("6");
    assertThat(figure(report, "5 new namespaces", "requests").met()).as(table).isTrue();
  }

  private static Figure figure(BenchReport report, String phase, String name) {
    List<Figure> found =
        report.figures().stream()
            .filter(f -> f.phase().equals(phase) && f.name().equals(name))
            .toList();
    assertThat(found).as(phase + " / " + name).hasSize(1);
    return found.get(0);
  }
}
