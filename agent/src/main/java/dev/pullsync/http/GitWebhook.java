package dev.pullsync.http;

import dev.pullsync.reconcile.Trigger;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/git}: a verified push queues a full fetch and reconcile (202). A replica that
 * does not hold the lease answers {@code 503} with {@code Retry-After}, so a webhook that reached a
 * standby is never acknowledged and dropped: the sender sees a failed delivery and retries or can
 * redeliver it (GitLab retries, GitHub offers redelivery), and the Service can route to the leader
 * by readiness. Forwarding to the leader was not chosen: the Lease names the leader's identity, not
 * an address the standby could trust or reach, and a forwarded call adds a second hop that can fail
 * silently after the sender has been told 202.
 */
final class GitWebhook {
  private static final Logger log = LoggerFactory.getLogger(GitWebhook.class);

  private final Optional<WebhookVerifier> verifier;
  private final Consumer<Trigger> submit;
  private final BooleanSupplier leading;

  GitWebhook(
      Optional<WebhookVerifier> verifier, Consumer<Trigger> submit, BooleanSupplier leading) {
    this.verifier = verifier;
    this.submit = submit;
    this.leading = leading;
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
    if (!leading.getAsBoolean()) {
      return HttpResponse.text(503, "standby replica: not the leader, retry\n")
          .withHeader("Retry-After", "5");
    }
    submit.accept(Trigger.full(Trigger.WEBHOOK));
    return HttpResponse.text(202, "reconcile queued\n");
  }
}
