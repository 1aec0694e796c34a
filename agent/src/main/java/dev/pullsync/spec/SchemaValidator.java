package dev.pullsync.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Validates YAML documents against one of the JSON Schemas shipped at classpath {@code
 * pullsync/schemas/} (the files of {@code config-schema/schemas/}) and turns the validator's errors
 * into {@link Problem}s with our own wording, located at the offending YAML line.
 *
 * <p>Errors from combinators ({@code oneOf}, {@code anyOf}, {@code not}, {@code dependentRequired})
 * and from {@code pattern}, {@code format} and {@code maxLength} are dropped: the callers check
 * those rules themselves and say precisely what is wrong.
 */
public final class SchemaValidator {
  private static final Set<String> LEFT_TO_CALLER =
      Set.of("oneOf", "anyOf", "not", "dependentRequired", "pattern", "format", "maxLength");

  private static final java.util.Map<String, SchemaValidator> LOADED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Schema schema;

  private SchemaValidator(Schema schema) {
    this.schema = schema;
  }

  /**
   * The validator for {@code pullsync/schemas/<fileName>} on the classpath, compiled once per
   * process (a compiled schema is immutable and thread-safe).
   */
  public static SchemaValidator forSchema(String fileName) {
    return LOADED.computeIfAbsent(fileName, SchemaValidator::compile);
  }

  private static SchemaValidator compile(String fileName) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema schema = registry.getSchema(SchemaLocation.of("classpath:pullsync/schemas/" + fileName));
    schema.initializeValidators();
    return new SchemaValidator(schema);
  }

  /** Adds every schema violation of {@code doc} to {@code out}; true when there was none. */
  public boolean validate(YamlDocument doc, List<Problem> out) {
    List<Problem> found = validate(doc);
    out.addAll(found);
    return found.isEmpty();
  }

  /** Every schema violation of {@code doc}, one problem per offending field. */
  public List<Problem> validate(YamlDocument doc) {
    Set<Problem> problems = new LinkedHashSet<>();
    for (Error error : schema.validate(doc.root())) {
      if (LEFT_TO_CALLER.contains(error.getKeyword()) || underCombinator(error)) {
        continue;
      }
      List<Object> path = steps(error.getInstanceLocation());
      problems.add(describe(doc, error, path));
    }
    return new ArrayList<>(problems);
  }

  private Problem describe(YamlDocument doc, Error error, List<Object> path) {
    JsonNode rule = ruleNode(error);
    return switch (error.getKeyword()) {
      case "required" -> at(doc, path, child(path, error.getProperty()), "is required");
      case "additionalProperties" -> {
        List<Object> field = child(path, error.getProperty());
        yield at(doc, field, field, "unknown field" + allowed(error));
      }
      case "type" -> at(doc, path, path, typeMessage(error, rule, doc.at(path)));
      case "enum" -> at(doc, path, path, "must be one of " + listed(rule));
      case "const" -> at(doc, path, path, "must be " + rule.asString());
      case "minItems" ->
          at(
              doc,
              path,
              path,
              rule.asInt() == 1
                  ? "must not be empty"
                  : "must list at least " + rule.asInt() + " items");
      case "minLength" -> at(doc, path, path, "must not be empty");
      case "uniqueItems" -> at(doc, path, path, "must not list the same value twice");
      case "minimum" -> at(doc, path, path, "must be at least " + rule.asString());
      case "maximum" -> at(doc, path, path, "must be at most " + rule.asString());
      case "exclusiveMinimum" -> at(doc, path, path, "must be greater than " + rule.asString());
      default -> at(doc, path, path, "does not match the schema (" + error.getKeyword() + ")");
    };
  }

  private static Problem at(YamlDocument doc, List<Object> where, List<Object> field, String msg) {
    return new Problem(doc.location(where), YamlDocument.fieldPath(field), msg);
  }

  /** The value of the failed keyword in the schema, e.g. the enum's array. */
  private JsonNode ruleNode(Error error) {
    JsonNode node = schema.getSchemaNode();
    for (Object step : steps(error.getSchemaLocation().getFragment())) {
      node = step instanceof Integer i ? node.path(i) : node.path((String) step);
    }
    return node;
  }

  private String allowed(Error error) {
    List<Object> at = steps(error.getSchemaLocation().getFragment());
    JsonNode node = schema.getSchemaNode();
    for (Object step : at.subList(0, Math.max(0, at.size() - 1))) {
      node = step instanceof Integer i ? node.path(i) : node.path((String) step);
    }
    JsonNode properties = node.path("properties");
    if (!properties.isObject() || properties.isEmpty()) {
      return "";
    }
    return " (expected one of " + String.join(", ", properties.propertyNames()) + ")";
  }

  private static boolean underCombinator(Error error) {
    NodePath eval = error.getEvaluationPath();
    for (int i = 0; i < eval.getNameCount(); i++) {
      if (LEFT_TO_CALLER.contains(eval.getName(i))) {
        return true;
      }
    }
    return false;
  }

  static List<Object> steps(NodePath path) {
    List<Object> steps = new ArrayList<>();
    if (path == null) {
      return steps;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      steps.add(path.getElement(i));
    }
    return steps;
  }

  private static List<Object> child(List<Object> path, String name) {
    List<Object> next = new ArrayList<>(path);
    next.add(name == null ? "?" : name);
    return next;
  }

  private static String typeMessage(Error error, JsonNode rule, JsonNode value) {
    if (error.getSchemaLocation().toString().contains("$defs/sealed")) {
      return "must be sealed, written {sealed: <ciphertext from kubeseal --raw or pullsync seal>},"
          + " not "
          + kindOf(value);
    }
    return "must be " + article(rule) + ", not " + kindOf(value);
  }

  private static String article(JsonNode type) {
    String t = type.isArray() ? type.path(0).asString() : type.asString();
    return switch (t) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "boolean" -> "true or false";
      case "number" -> "a number";
      default -> "a string";
    };
  }

  static String kindOf(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBoolean()) {
      return "a boolean (quote it if you mean text)";
    }
    if (node.isNumber()) {
      return "a number (quote it if you mean text)";
    }
    if (node.isNull() || node.isMissingNode()) {
      return "empty";
    }
    return "a string";
  }

  private static String listed(JsonNode values) {
    return StreamSupport.stream(values.spliterator(), false)
        .map(JsonNode::asString)
        .collect(Collectors.joining(", "));
  }
}
