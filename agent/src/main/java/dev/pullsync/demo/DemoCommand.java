package dev.pullsync.demo;

import dev.pullsync.check.Outbound;
import dev.pullsync.cli.ExitCode;
import dev.pullsync.cli.LogFormat;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.plan.Plan;
import dev.pullsync.plan.PlanFormat;
import dev.pullsync.reconcile.Engine;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.MarkdownReport;
import dev.pullsync.report.Report;
import dev.pullsync.schedule.Agent;
import dev.pullsync.schedule.ClusterInformers;
import dev.pullsync.schedule.ReconcileQueue;
import dev.pullsync.schedule.ServiceSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync demo}: an in-process Kubernetes API with sample namespaces, the bundled {@code
 * examples/kubeflow-harbor} repository and the demo key; prints the plan, the result and the
 * Markdown report, then keeps serving (schedule and events live) with a kubeconfig for kubectl
 * until Ctrl-C, or exits with {@code --once}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the agent against an in-process Kubernetes API with sample namespaces, the bundled"
            + " example repository and its demo key; print the plan and report, then keep serving"
            + " (Ctrl-C to stop).")
public final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "kubeflow-harbor";

  /** The runbook's test image, which the example's Registry verifies and the demo serves. */
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";

  /** The runbook's Harbor login, which the example's sealed password holds (demo only). */
  private static final String USER = "admin";

  private static final String PASSWORD = "Harbor12345";

  @Spec CommandSpec spec;

  @Option(names = "--once", description = "Exit after the first reconcile.")
  boolean once;

  @Option(
      names = "--http-port",
      defaultValue = "0",
      description = "Port for /healthz, /readyz, /metrics (default: any free port).")
  int httpPort;

  @Option(
      names = "--dir",
      description =
          "Where to put the demo repository, kubeconfig and clone (default: a new temp dir).")
  Path dir;

  @Option(
      names = "--log-format",
      defaultValue = "text",
      description = "text or json (logs go to stderr).")
  String logFormat;

  /** Where the temporary folder is made (the system's temp folder unless a test sets it). */
  Path tempParent;

  @Override
  public Integer call() throws Exception {
    LogFormat.parse(logFormat).apply();
    Outbound.restrict(); // the demo dials loopback only, whatever the example names
    PrintWriter out = spec.commandLine().getOut();
    Path work =
        dir != null
            ? Files.createDirectories(dir)
            : tempParent != null
                ? Files.createTempDirectory(tempParent, "pullsync-demo-")
                : Files.createTempDirectory("pullsync-demo-");
    // A folder we made is ours to remove on exit; one the user named with --dir is kept.
    Path temporary = dir == null ? work : null;
    out.println("Starting an in-process Kubernetes API with sample namespaces ...");
    DemoCluster cluster = DemoCluster.start();
    cluster.seedDemo();
    cluster.createDefaultServiceAccounts();
    Path repo = DemoRepository.create(EXAMPLE, work.resolve("repo"));
    Path key = BundledExamples.copy("demo-key", work.resolve("demo-key")).resolve("tls.key");
    Path kubeconfig = cluster.writeKubeconfig(work.resolve("kubeconfig"));
    AgentMetrics metrics = new AgentMetrics(Clock.systemUTC());
    KubernetesClient client = cluster.client(b -> metrics.apiRequestCounter().installOn(b));
    // Harbor-like: a Bearer token from the realm, granting pull on the example's image
    LocalRegistry registry =
        new LocalRegistry(Challenge.BEARER, USER, PASSWORD)
            .serve(IMAGE)
            .grantPullOnly(IMAGE.substring(0, IMAGE.indexOf(':')));
    Engine engine =
        DemoEngine.open(client, repo, key, work, Clock.systemUTC(), metrics, registry.address());
    Session session = new Session(cluster, client, engine, registry, temporary);
    try {
      printPlan(out, engine.reconciler().plan(Trigger.full("demo")), repo);
      BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
      Agent agent = startAgent(client, engine, metrics, reports);
      session.agent = agent;
      Report first = reports.poll(2, TimeUnit.MINUTES);
      if (first == null) {
        out.println("No reconcile finished within 2 minutes; see the log on stderr.");
        return ExitCode.FAILED;
      }
      printResult(out, first, repo);
      out.println(
          "== Registry login and image check ("
              + IMAGE
              + "): the in-process registry at "
              + registry.address()
              + " stands in for "
              + String.join(", ", DemoEngine.servers(repo))
              + " (the demo dials loopback only)");
      for (Report.RegistryCheck check : first.registries()) {
        out.printf(
            "   %s (%s): credential %s by the in-process registry (%s)%n",
            check.registry(), check.server(), check.verdict(), check.reason());
        for (Report.ImageCheck i : check.images()) {
          out.printf(
              "   image check: %s %s: %s (%s)%n",
              check.registry(), i.image(), i.verdict(), i.reason());
        }
      }
      if (once) {
        out.println("(--once: the demo API has stopped; run without --once to look with kubectl)");
        out.flush();
        return first.result() == Report.Result.FAILED ? ExitCode.FAILED : ExitCode.OK;
      }
      printHowToLook(out, kubeconfig, agent.httpPort());
      return serve(out, session, reports);
    } finally {
      session.close();
    }
  }

  private Agent startAgent(
      KubernetesClient client, Engine engine, AgentMetrics metrics, BlockingQueue<Report> reports) {
    ReconcileQueue.RunListener collect =
        new ReconcileQueue.RunListener() {
          @Override
          public void finished(Trigger trigger, Report report, Duration took) {
            reports.add(report);
          }
        };
    return Agent.start(
        ServiceSettings.defaults().withHttp(new InetSocketAddress("127.0.0.1", httpPort)),
        client,
        ClusterInformers.of(engine.view()),
        engine.reconciler(),
        metrics,
        collect);
  }

  /**
   * Keeps serving until Ctrl-C (SIGTERM/SIGINT run the shutdown hook) or until this thread is
   * interrupted, printing a line per reconcile.
   */
  private int serve(PrintWriter out, Session session, BlockingQueue<Report> reports) {
    Thread hook = new Thread(session::close, "pullsync-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Serving: schedule every 5 minutes, namespace events live. Ctrl-C to stop.");
    out.flush();
    try {
      while (!session.closed()) {
        Report report = reports.poll(1, TimeUnit.SECONDS);
        if (report != null) {
          Report.Counts c = report.counts();
          out.printf(
              "reconcile: %s (%d created, %d updated, %d linked, %d failed)%n",
              report.result().display(), c.created(), c.updated(), c.linked(), c.failed());
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running (or ran): it closes the session
      }
    }
    return ExitCode.OK;
  }

  private static void printPlan(PrintWriter out, Plan plan, Path repo) {
    out.println();
    out.println("== Plan for " + plan.revision() + " (repository " + repo + ")");
    out.println(PlanFormat.parse("text").render(plan));
    out.flush();
  }

  private static void printResult(PrintWriter out, Report report, Path repo) {
    out.println("== Result: " + report.result().display());
    out.println();
    out.println("== Report (also committed to branch pullsync-status of " + repo + ")");
    out.println(new MarkdownReport().render(report));
    out.flush();
  }

  private static void printHowToLook(PrintWriter out, Path kubeconfig, int httpPort) {
    String k = "kubectl";
    out.println("== Look with kubectl (in another shell, while this one serves):");
    out.println("  export KUBECONFIG=" + kubeconfig);
    out.println("  " + k + " get secret harbor-credentials -n user-example-com");
    out.println("  " + k + " get sa default default-editor -n user-example-com -o yaml");
    out.println("  " + k + " get secret harbor-credentials -n kubeflow -o yaml   # Opaque");
    out.println("  " + k + " create namespace team-c    # not selected: gets nothing");
    out.println("  # a new Kubeflow profile namespace gets its Secret and link within seconds:");
    out.println("  " + k + " apply -f - <<'EOF'");
    out.println("apiVersion: v1");
    out.println("kind: Namespace");
    out.println("metadata:");
    out.println("  name: user-new-example-com");
    out.println("  labels: {app.kubernetes.io/part-of: kubeflow-profile}");
    out.println("EOF");
    out.println("  " + k + " get secret harbor-credentials -n user-new-example-com");
    out.println("  " + k + " get sa default-editor -n user-new-example-com -o yaml");
    out.println("== Status page: http://127.0.0.1:" + httpPort + "/");
    out.println("== Metrics: http://127.0.0.1:" + httpPort + "/metrics");
    out.flush();
  }

  /** Everything the demo started, closed once (normally or from the shutdown hook). */
  private static final class Session {
    private final DemoCluster cluster;
    private final KubernetesClient client;
    private final Engine engine;
    private final LocalRegistry registry;
    private final Path temporary;
    private volatile Agent agent;
    private boolean closed;

    Session(
        DemoCluster cluster,
        KubernetesClient client,
        Engine engine,
        LocalRegistry registry,
        Path temporary) {
      this.cluster = cluster;
      this.client = client;
      this.engine = engine;
      this.registry = registry;
      this.temporary = temporary;
    }

    synchronized boolean closed() {
      return closed;
    }

    /**
     * Stops everything. An interrupt (how a caller stops the demo) is held back while closing, so
     * the servers can wait for their threads, and set again afterwards.
     */
    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      boolean interrupted = Thread.interrupted();
      try {
        if (agent != null) {
          agent.close();
        }
        engine.close();
        client.close();
        cluster.close();
        registry.close();
        if (temporary != null) {
          TempFolder.delete(temporary);
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
