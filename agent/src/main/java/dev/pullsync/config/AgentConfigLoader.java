package dev.pullsync.config;

import dev.pullsync.desired.Instance;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Mode;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.SchemaValidator;
import dev.pullsync.spec.YamlDocument;
import dev.pullsync.spec.YamlReader;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.quartz.CronExpression;
import tools.jackson.databind.JsonNode;

/**
 * Reads the agent configuration file: YAML validated against {@code agent-config.schema.json}, then
 * the rules a schema cannot state (the cron expression parses, the instance is a label value,
 * leader-election timings are ordered, signature verification has keys). Every problem is reported
 * at once as {@code file:line: field: problem}, through {@link InvalidSpecException} (exit code 2).
 * An empty file means every default.
 */
public final class AgentConfigLoader {
  private final YamlReader yaml = new YamlReader();
  private final SchemaValidator schema = SchemaValidator.forSchema("agent-config.schema.json");

  /**
   * Loads {@code file}; messages name it as given.
   *
   * @throws InvalidSpecException with every problem found
   */
  public AgentConfig load(Path file) {
    return parse(yaml.read(file, file.toString()));
  }

  /** Parses configuration text already read (named {@code name} in messages). */
  public AgentConfig parse(byte[] text, String name) {
    return parse(yaml.parse(text, name));
  }

  private AgentConfig parse(YamlReader.Result read) {
    List<Problem> problems = new ArrayList<>(read.problems());
    if (read.documents().isEmpty()) {
      problems.removeIf(p -> p.message().equals("file holds no documents"));
      if (problems.isEmpty()) {
        return AgentConfig.defaults();
      }
      throw new InvalidSpecException(problems);
    }
    YamlDocument doc = read.documents().get(0);
    if (read.documents().size() > 1) {
      Location second =
          new Location(read.documents().get(1).file(), read.documents().get(1).line());
      problems.add(new Problem(second, "", "the agent configuration is one YAML document"));
    }
    if (!doc.root().isObject()) {
      problems.add(new Problem(doc.location(List.of()), "", "must be a mapping of settings"));
      throw new InvalidSpecException(problems);
    }
    problems.addAll(schema.validate(doc));
    if (problems.isEmpty()) {
      checkRules(doc, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    return build(new Fields(doc.root()));
  }

  private static void checkRules(YamlDocument doc, List<Problem> problems) {
    JsonNode root = doc.root();
    if (root.has("schedule")) {
      try {
        CronExpression.validateExpression(root.path("schedule").asString());
      } catch (ParseException e) {
        problems.add(
            problem(
                doc,
                List.of("schedule"),
                "not a valid Quartz cron expression ("
                    + e.getMessage()
                    + "); for example \"0 */5 * * * ?\" runs every five minutes"));
      }
    }
    if (root.has("instance") && !Instance.isValid(root.path("instance").asString())) {
      problems.add(
          problem(
              doc,
              List.of("instance"),
              "not a valid label value (1-63 letters, digits, '-', '_' or '.', starting and"
                  + " ending with a letter or digit)"));
    }
    if (root.path("checks").has("allowHttp")) {
      problems.add(
          problem(
              doc,
              List.of("checks", "allowHttp"),
              "removed: plain HTTP is chosen per registry; set spec.insecure: true on the"
                  + " Registry that speaks HTTP (its credential then goes over HTTP to it alone)"));
    }
    JsonNode verify = root.path("git").path("verify");
    if ("head".equals(verify.path("mode").asString("")) && !verify.has("keysFile")) {
      problems.add(problem(doc, List.of("git", "verify"), "mode head needs keysFile"));
    }
    LeaderElectionSettings le = build(new Fields(root)).leaderElection();
    if (le.renewDeadlineSeconds() >= le.leaseDurationSeconds()) {
      problems.add(
          problem(
              doc,
              List.of("leaderElection", "renewDeadlineSeconds"),
              "must be less than leaseDurationSeconds (" + le.leaseDurationSeconds() + ")"));
    }
    if (le.retryPeriodSeconds() >= le.renewDeadlineSeconds()) {
      problems.add(
          problem(
              doc,
              List.of("leaderElection", "retryPeriodSeconds"),
              "must be less than renewDeadlineSeconds (" + le.renewDeadlineSeconds() + ")"));
    }
  }

  private static Problem problem(YamlDocument doc, List<Object> at, String message) {
    return new Problem(doc.location(at), YamlDocument.fieldPath(at), message);
  }

  private static AgentConfig build(Fields f) {
    AgentConfig d = AgentConfig.defaults();
    return new AgentConfig(
        f.text("cluster", d.cluster()),
        f.text("namespace", d.namespace()),
        f.has("instance") ? Optional.of(f.text("instance", "")) : Optional.empty(),
        f.text("mode", "enforce").equals("report") ? Mode.REPORT : Mode.ENFORCE,
        git(f.at("git")),
        f.text("schedule", d.schedule()),
        new KeySettings(
            f.at("keys").paths("files"),
            new KeySettings.FromCluster(
                f.at("keys").at("fromCluster").flag("enabled", false),
                f.at("keys").at("fromCluster").text("namespace", "kube-system"))),
        new ReportSettings(
            f.at("report").flag("enabled", true),
            f.at("report").text("branch", "pullsync-status"),
            f.at("report").text("path", ""),
            new ReportSettings.Author(
                f.at("report").at("author").text("name", "pullsync"),
                f.at("report").at("author").text("email", "pullsync@localhost"))),
        new PruneSettings(
            f.at("prune").flag("enabled", true), f.at("prune").number("maxDeleteShare", 0.25)),
        new HttpSettings(
            f.at("http").text("address", "0.0.0.0"), (int) f.at("http").number("port", 8080)),
        new WebhookSettings(f.at("webhook").path("secretFile")),
        leaderElection(f.at("leaderElection")),
        new KubernetesSettings(
            f.at("kubernetes").number("qps", 50),
            (int) f.at("kubernetes").number("burst", 100),
            (int) f.at("kubernetes").number("writeConcurrency", 8),
            duration(f.at("kubernetes").text("resyncInterval", "30m"))),
        new CheckSettings(
            f.at("checks").flag("registryLogin", true), f.at("checks").strings("endpoints")),
        f.text("logFormat", "text").equals("json")
            ? AgentConfig.LogFormat.JSON
            : AgentConfig.LogFormat.TEXT,
        new ResealSettings(f.at("reseal").flag("pushBranch", false)));
  }

  /** {@code 45s}, {@code 30m}, {@code 1h} (the schema checks the form). */
  private static java.time.Duration duration(String text) {
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> java.time.Duration.ofSeconds(n);
      case 'h' -> java.time.Duration.ofHours(n);
      default -> java.time.Duration.ofMinutes(n);
    };
  }

  private static GitSettings git(Fields g) {
    Fields auth = g.at("auth");
    Fields verify = g.at("verify");
    return new GitSettings(
        g.has("url") ? Optional.of(g.text("url", "")) : Optional.empty(),
        g.text("branch", "main"),
        g.text("path", ""),
        g.path("workDir"),
        new GitSettings.Auth(
            auth.path("tokenFile"),
            auth.path("usernameFile"),
            auth.path("passwordFile"),
            auth.path("sshKeyFile"),
            auth.path("knownHostsFile")),
        new GitSettings.Verify(
            verify.text("mode", "none").equals("head")
                ? GitSettings.VerifyMode.HEAD
                : GitSettings.VerifyMode.NONE,
            verify.path("keysFile")));
  }

  private static LeaderElectionSettings leaderElection(Fields le) {
    return new LeaderElectionSettings(
        le.flag("enabled", false),
        le.text("leaseName", "pullsync"),
        (int) le.number("leaseDurationSeconds", 15),
        (int) le.number("renewDeadlineSeconds", 10),
        (int) le.number("retryPeriodSeconds", 2));
  }

  /** Typed reads of a schema-valid mapping, with defaults for absent fields. */
  private record Fields(JsonNode node) {
    Fields at(String name) {
      return new Fields(node.path(name));
    }

    boolean has(String name) {
      return node.has(name);
    }

    String text(String name, String otherwise) {
      return node.path(name).isString() ? node.path(name).asString() : otherwise;
    }

    boolean flag(String name, boolean otherwise) {
      return node.path(name).isBoolean() ? node.path(name).asBoolean() : otherwise;
    }

    double number(String name, double otherwise) {
      return node.path(name).isNumber() ? node.path(name).asDouble() : otherwise;
    }

    Optional<Path> path(String name) {
      return node.path(name).isString()
          ? Optional.of(Path.of(node.path(name).asString()))
          : Optional.empty();
    }

    Map<String, String> strings(String name) {
      Map<String, String> out = new TreeMap<>();
      node.path(name).properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
      return out;
    }

    List<Path> paths(String name) {
      List<Path> paths = new ArrayList<>();
      node.path(name).forEach(n -> paths.add(Path.of(n.asString())));
      return paths;
    }
  }
}
