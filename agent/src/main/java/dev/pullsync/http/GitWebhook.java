package dev.pullsync.http;

import dev.pullsync.reconcile.Trigger;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /hooks/git}: a verified push queues a full fetch and reconcile (202). */
final class GitWebhook {
  private static final Logger log = LoggerFactory.getLogger(GitWebhook.class);

  private final Optional<WebhookVerifier> verifier;
  private final Consumer<Trigger> submit;

  GitWebhook(Optional<WebhookVerifier> verifier, Consumer<Trigger> submit) {
    this.verifier = verifier;
    this.submit = submit;
  }

  HttpResponse handle(HttpRequest request) {
    if (verifier.isEmpty()) {
      return HttpResponse.text(404, "webhook not configured (webhook.secretFile)\n");
    }
    Optional<String> github = request.header("X-Hub-Signature-256");
    Optional<String> gitlab = request.header("X-Gitlab-Token");
    if (!verifier.get().verify(github, gitlab, request.body())) {
      log.warn("Rejected a webhook from {}: missing or wrong signature", request.remote());
      return HttpResponse.text(401, "missing or invalid signature\n");
    }
    submit.accept(Trigger.full("webhook"));
    return HttpResponse.text(202, "reconcile queued\n");
  }
}
