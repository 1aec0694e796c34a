package dev.pullsync.http;

import dev.pullsync.reconcile.EngineObserver;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import dev.pullsync.schedule.ReconcileQueue;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.Spec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's Prometheus metrics, recorded in this one place. Labels carry only result, kind,
 * action, drift, HTTP method, registry names and image names: never a credential or a value derived
 * from one.
 *
 * <ul>
 *   <li>{@code pullsync_reconcile_total{result}} and {@code pullsync_reconcile_duration_seconds}
 *   <li>{@code pullsync_objects_total{kind,action,status}}: objects acted on, per reconcile
 *   <li>{@code pullsync_drift{kind,drift}}: drift found by the last reconcile
 *   <li>{@code pullsync_api_requests_total{method}}: every request the Kubernetes client sent
 *   <li>{@code pullsync_git_fetch_failures_total}
 *   <li>{@code pullsync_last_success_timestamp_seconds}
 *   <li>{@code pullsync_credential_expiry_days{registry}}: days until a Registry's {@code expires}
 *   <li>{@code pullsync_enforced_revision_info{revision,origin}}: 1 for the revision enforced,
 *       {@code origin} {@code git} or {@code stored} (the cluster's copy, after a restart)
 *   <li>{@code pullsync_git_unreachable_since_timestamp_seconds}: when Git became unreachable (Unix
 *       time; 0 while it is reachable)
 *   <li>{@code pullsync_image_pullable{registry,image}}: 1 when the last image check could pull a
 *       Registry's {@code verify} image with its credential, 0 otherwise
 *   <li>{@code pullsync_image_verdict{registry,image,verdict}}: 1 for each image's last verdict
 *       ({@code pullable}, {@code not-found}, {@code denied}, {@code unreachable}, {@code
 *       not-checked})
 * </ul>
 */
public final class AgentMetrics implements ReconcileQueue.RunListener, EngineObserver {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock;
  private final Timer duration;
  private final Counter fetchFailures;
  private final AtomicLong lastSuccessSeconds = new AtomicLong();
  private final MultiGauge drift;
  private final MultiGauge expiry;
  private final ApiRequestCounter apiRequests;
  private final MultiGauge enforced;
  private final AtomicLong unreachableSinceSeconds = new AtomicLong();
  private final MultiGauge imagePullable;
  private final MultiGauge imageVerdict;

  public AgentMetrics(Clock clock) {
    this.clock = clock;
    this.duration =
        Timer.builder("pullsync.reconcile.duration")
            .description("How long reconciles take")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
    this.fetchFailures =
        Counter.builder("pullsync.git.fetch.failures")
            .description("Git fetches that failed")
            .register(registry);
    Gauge.builder("pullsync.last.success.timestamp", lastSuccessSeconds, AtomicLong::doubleValue)
        .description("When the last reconcile that was not Failed finished (Unix time)")
        .baseUnit("seconds")
        .register(registry);
    this.drift =
        MultiGauge.builder("pullsync.drift")
            .description("Objects found drifted by the last reconcile")
            .register(registry);
    this.expiry =
        MultiGauge.builder("pullsync.credential.expiry")
            .description("Days until a registry credential's declared expiry date")
            .baseUnit("days")
            .register(registry);
    this.apiRequests = new ApiRequestCounter(registry);
    this.enforced =
        MultiGauge.builder("pullsync.enforced.revision.info")
            .description("The revision enforced (origin git, or stored after a restart)")
            .register(registry);
    Gauge.builder(
            "pullsync.git.unreachable.since.timestamp",
            unreachableSinceSeconds,
            AtomicLong::doubleValue)
        .description("When Git became unreachable (Unix time; 0 while reachable)")
        .baseUnit("seconds")
        .register(registry);
    this.imagePullable =
        MultiGauge.builder("pullsync.image.pullable")
            .description("1 when the last image check could pull a verify image, 0 otherwise")
            .register(registry);
    this.imageVerdict =
        MultiGauge.builder("pullsync.image.verdict")
            .description("1 for each verify image's last image check verdict")
            .register(registry);
    for (Report.Result result : Report.Result.values()) {
      reconciles(result.display().toLowerCase(Locale.ROOT));
    }
    reconciles("error");
  }

  /** The fabric8 interceptor that counts every API request; install it on the client builder. */
  public ApiRequestCounter apiRequestCounter() {
    return apiRequests;
  }

  @Override
  public void finished(Trigger trigger, Report report, Duration took) {
    reconciles(report.result().display().toLowerCase(Locale.ROOT)).increment();
    duration.record(took);
    for (Report.Entry entry : report.entries()) {
      if (!entry.action().equals("noop")) {
        Counter.builder("pullsync.objects")
            .description("Objects acted on, by kind, action and status")
            .tags("kind", entry.kind(), "action", entry.action(), "status", entry.status())
            .register(registry)
            .increment();
      }
    }
    drift.register(driftRows(report), true);
    if (report.result() != Report.Result.FAILED || !report.registries().isEmpty()) {
      images(report.registries()); // a failed fetch checked nothing: the last verdicts stand
    }
    if (report.result() != Report.Result.FAILED) {
      lastSuccessSeconds.set(report.finishedAt().getEpochSecond());
    }
  }

  @Override
  public void failed(Trigger trigger, Throwable error, Duration took) {
    reconciles("error").increment();
    duration.record(took);
  }

  /** A Git fetch failed. */
  public void gitFetchFailed() {
    fetchFailures.increment();
  }

  @Override
  public void fetchFailed() {
    gitFetchFailed();
  }

  @Override
  public void enforcing(
      Optional<String> revision, boolean stored, Optional<Instant> gitUnreachableSince) {
    enforced.register(
        revision.stream()
            .map(
                r ->
                    MultiGauge.Row.of(
                        Tags.of("revision", r, "origin", stored ? "stored" : "git"), 1))
            .collect(java.util.stream.Collectors.toList()),
        true);
    unreachableSinceSeconds.set(gitUnreachableSince.map(Instant::getEpochSecond).orElse(0L));
  }

  /** {@code pullsync_registry_login_total{registry,result}}: one per registry actually asked. */
  @Override
  public void registryChecked(String name, String result) {
    Counter.builder("pullsync.registry.login")
        .description("Registry login checks of new credentials, by registry and verdict")
        .tags("registry", name, "result", result)
        .register(registry)
        .increment();
  }

  /** The registries of the newest revision that loaded: their expiry dates become gauges. */
  @Override
  public void specLoaded(Spec spec) {
    Map<String, LocalDate> expires = new TreeMap<>();
    for (RegistrySpec registry : spec.registries()) {
      registry.expires().ifPresent(date -> expires.put(registry.name(), date));
    }
    credentialExpiry(expires);
  }

  /** The declared expiry dates of the registries in the revision being enforced. */
  public void credentialExpiry(Map<String, LocalDate> expiresByRegistry) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    new TreeMap<>(expiresByRegistry)
        .forEach(
            (name, date) ->
                rows.add(
                    MultiGauge.Row.of(
                        Tags.of("registry", name), ChronoUnit.DAYS.between(today, date))));
    expiry.register(rows, true);
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  private Counter reconciles(String result) {
    return Counter.builder("pullsync.reconcile")
        .description("Reconciles, by result")
        .tag("result", result)
        .register(registry);
  }

  private void images(List<Report.RegistryCheck> checks) {
    Map<Tags, String> verdicts = new LinkedHashMap<>(); // one row per image
    for (Report.RegistryCheck check : checks) {
      for (Report.ImageCheck image : check.images()) {
        verdicts.put(
            Tags.of("registry", check.registry(), "image", image.image()), image.verdict());
      }
    }
    List<MultiGauge.Row<?>> pullable = new ArrayList<>();
    List<MultiGauge.Row<?>> verdict = new ArrayList<>();
    verdicts.forEach(
        (tags, v) -> {
          pullable.add(MultiGauge.Row.of(tags, v.equals("pullable") ? 1 : 0));
          verdict.add(MultiGauge.Row.of(tags.and("verdict", v), 1));
        });
    imagePullable.register(pullable, true);
    imageVerdict.register(verdict, true);
  }

  private static List<MultiGauge.Row<?>> driftRows(Report report) {
    Map<List<String>, Integer> counts =
        new TreeMap<>((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
    for (Report.Entry entry : report.entries()) {
      entry.drift().ifPresent(d -> counts.merge(List.of(entry.kind(), d), 1, Integer::sum));
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach(
        (key, n) ->
            rows.add(MultiGauge.Row.of(Tags.of("kind", key.get(0), "drift", key.get(1)), n)));
    return rows;
  }
}
