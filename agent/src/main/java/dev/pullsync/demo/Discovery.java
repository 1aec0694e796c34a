package dev.pullsync.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The discovery documents a real API server serves and the CRUD mock does not: enough for kubectl
 * 1.31 ({@code get}, {@code describe}, {@code create}, {@code apply}) and for fabric8. The server
 * reports version 1.31, so the kubectl dispatcher on this machine picks kubectl 1.31, which sends
 * JSON bodies.
 */
public final class Discovery {
  /** Core resources the mock stores: plural, singular, kind, namespaced, short names. */
  private static final List<Resource> CORE =
      List.of(
          new Resource("namespaces", "namespace", "Namespace", false, "ns"),
          new Resource("secrets", "secret", "Secret", true, ""),
          new Resource("serviceaccounts", "serviceaccount", "ServiceAccount", true, "sa"),
          new Resource("configmaps", "configmap", "ConfigMap", true, "cm"),
          new Resource("pods", "pod", "Pod", true, "po"),
          new Resource("events", "event", "Event", true, "ev"));

  private static final List<Resource> COORDINATION =
      List.of(new Resource("leases", "lease", "Lease", true, ""));

  private final String serverAddress;

  /**
   * @param serverAddress {@code host:port} the API is reached at
   */
  public Discovery(String serverAddress) {
    this.serverAddress = serverAddress;
  }

  /** The document for a GET of {@code path}, if it is a discovery path. */
  public Optional<String> document(String method, String path) {
    if (!method.equals("GET")) {
      return Optional.empty();
    }
    String doc =
        switch (path) {
          case "/version", "/version/" -> version();
          case "/api", "/api/" -> apiVersions();
          case "/apis", "/apis/" -> apiGroups();
          case "/api/v1", "/api/v1/" -> resources("v1", CORE);
          case "/apis/coordination.k8s.io/v1" -> resources("coordination.k8s.io/v1", COORDINATION);
          case "/openapi/v2" ->
              "{\"swagger\":\"2.0\",\"info\":{\"title\":\"pullsync demo\",\"version\":\"v1.31.0\"},\"paths\":{},\"definitions\":{}}";
          case "/openapi/v3" -> openApiV3Root();
          case "/openapi/v3/api/v1" -> openApiV3("", "v1", CORE);
          case "/openapi/v3/apis/coordination.k8s.io/v1" ->
              openApiV3("coordination.k8s.io", "v1", COORDINATION);
          default -> null;
        };
    return Optional.ofNullable(doc);
  }

  /** The list kind of a resource's collection ({@code namespaces} → {@code NamespaceList}). */
  static String listKind(String plural) {
    return CORE.stream()
        .filter(r -> r.plural().equals(plural))
        .findFirst()
        .or(() -> COORDINATION.stream().filter(r -> r.plural().equals(plural)).findFirst())
        .map(r -> r.kind() + "List")
        .orElse("List");
  }

  /** A {@code Status} failure document. */
  static String status(int code, String reason, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\""
        + message
        + "\",\"reason\":\""
        + reason
        + "\",\"code\":"
        + code
        + "}";
  }

  /**
   * The OpenAPI v3 index. kubectl reads it to learn that the server validates fields itself (the
   * {@code fieldValidation} query parameter on PATCH); it then skips client-side validation, which
   * would otherwise fetch the protobuf OpenAPI v2 document the mock cannot serve.
   */
  private static String openApiV3Root() {
    return "{\"paths\":{\"api/v1\":{\"serverRelativeURL\":\"/openapi/v3/api/v1?hash=pullsync-demo\"},"
        + "\"apis/coordination.k8s.io/v1\":{\"serverRelativeURL\":"
        + "\"/openapi/v3/apis/coordination.k8s.io/v1?hash=pullsync-demo\"}}}";
  }

  /** One group-version's OpenAPI v3 document: per resource a PATCH taking fieldValidation. */
  private static String openApiV3(String group, String version, List<Resource> resources) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    String paths =
        resources.stream()
            .map(
                r -> {
                  String path =
                      prefix
                          + (r.namespaced() ? "/namespaces/{namespace}/" : "/")
                          + r.plural()
                          + "/{name}";
                  return "\""
                      + path
                      + "\":{\"patch\":{\"x-kubernetes-group-version-kind\":{\"group\":\""
                      + group
                      + "\",\"version\":\""
                      + version
                      + "\",\"kind\":\""
                      + r.kind()
                      + "\"},\"parameters\":[{\"name\":\"fieldValidation\",\"in\":\"query\","
                      + "\"schema\":{\"type\":\"string\"}}],\"responses\":{}}}";
                })
            .collect(Collectors.joining(","));
    return "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"pullsync demo\",\"version\":\"v1.31.0\"},"
        + "\"paths\":{"
        + paths
        + "},\"components\":{\"schemas\":{}}}";
  }

  private static String version() {
    return "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\",\"gitCommit\":\"pullsync-demo\","
        + "\"gitTreeState\":\"clean\",\"buildDate\":\"2024-08-13T00:00:00Z\",\"goVersion\":\"go1.22.5\","
        + "\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}";
  }

  private String apiVersions() {
    return "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
        + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\""
        + serverAddress
        + "\"}]}";
  }

  private static String apiGroups() {
    return "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[{\"name\":\"coordination.k8s.io\","
        + "\"versions\":[{\"groupVersion\":\"coordination.k8s.io/v1\",\"version\":\"v1\"}],"
        + "\"preferredVersion\":{\"groupVersion\":\"coordination.k8s.io/v1\",\"version\":\"v1\"}}]}";
  }

  private static String resources(String groupVersion, List<Resource> resources) {
    return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\""
        + groupVersion
        + "\",\"resources\":["
        + resources.stream().map(Resource::json).collect(Collectors.joining(","))
        + "]}";
  }

  private record Resource(
      String plural, String singular, String kind, boolean namespaced, String shortName) {
    String json() {
      String shortNames = shortName.isEmpty() ? "" : ",\"shortNames\":[\"" + shortName + "\"]";
      return "{\"name\":\""
          + plural
          + "\",\"singularName\":\""
          + singular
          + "\",\"namespaced\":"
          + namespaced
          + ",\"kind\":\""
          + kind
          + "\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]"
          + shortNames
          + "}";
    }
  }

  @Override
  public String toString() {
    return "Discovery[" + serverAddress.toLowerCase(Locale.ROOT) + "]";
  }
}
