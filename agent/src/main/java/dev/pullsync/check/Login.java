package dev.pullsync.check;

import dev.pullsync.unseal.Credential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The username and password one credential gives for one server: its {@code username} and {@code
 * password} entries, or the {@code auths} entry for that server in its {@code .dockerconfigjson}
 * ({@code username}/{@code password} or {@code auth}). Not a record: {@link #toString} hides both.
 */
final class Login {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DOCKER_CONFIG = ".dockerconfigjson";

  private final String username;
  private final String password;

  private Login(String username, String password) {
    this.username = username;
    this.password = password;
  }

  /** The login for {@code server}, or empty when the credential holds none for it. */
  static Optional<Login> of(String server, Credential credential) {
    if (credential.has("username") && credential.has("password")) {
      return Optional.of(new Login(credential.string("username"), credential.string("password")));
    }
    if (!credential.has(DOCKER_CONFIG)) {
      return Optional.empty();
    }
    try {
      JsonNode auths = JSON.readTree(credential.bytes(DOCKER_CONFIG)).path("auths");
      return entryFor(server, auths).flatMap(Login::fromEntry);
    } catch (JacksonException | IllegalArgumentException e) {
      return Optional.empty(); // the renderer reports a malformed config; its message may hold data
    }
  }

  private static Optional<JsonNode> entryFor(String server, JsonNode auths) {
    if (auths.has(server)) {
      return Optional.of(auths.get(server));
    }
    String authority = Endpoint.authority(server);
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (Endpoint.authority(e.getKey()).equalsIgnoreCase(authority)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<Login> fromEntry(JsonNode entry) {
    String user = entry.path("username").asString("");
    String pass = entry.path("password").asString("");
    if (!user.isEmpty() && !pass.isEmpty()) {
      return Optional.of(new Login(user, pass));
    }
    String auth = entry.path("auth").asString("");
    if (auth.isEmpty()) {
      return Optional.empty();
    }
    String pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    return colon <= 0
        ? Optional.empty()
        : Optional.of(new Login(pair.substring(0, colon), pair.substring(colon + 1)));
  }

  /** The {@code Authorization: Basic ...} value. Callers must not log it. */
  String basic() {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Login[redacted]";
  }
}
