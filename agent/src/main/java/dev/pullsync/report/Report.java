package dev.pullsync.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one reconcile, as written to {@code status/<cluster>.yaml} and {@code .md}. Holds
 * no credential: reasons and errors are redacted messages.
 *
 * @param instance the agent's ownership identity (which Secrets and entries it owns)
 * @param revision the source revision this report is about ({@code branch@sha1:...})
 * @param appliedRevision the revision actually enforced (differs from {@code revision} when the
 *     newest one was invalid and the last good one kept being enforced); empty when none
 * @param errors revision-level problems (invalid spec lines, fetch failure, guard refusal)
 * @param notices advice that does not change the result (e.g. run {@code pullsync reseal})
 * @param registries the login check's verdict on each Registry's credential, with the image check's
 *     verdicts on its {@code verify} images, by registry name (empty when the check is off or no
 *     revision could be used)
 */
public record Report(
    String cluster,
    String instance,
    String revision,
    Optional<String> appliedRevision,
    Result result,
    Instant finishedAt,
    Counts counts,
    List<Entry> entries,
    List<String> errors,
    List<String> notices,
    List<RegistryCheck> registries) {
  public Report {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(appliedRevision, "appliedRevision");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(counts, "counts");
    entries = List.copyOf(entries);
    errors = List.copyOf(errors);
    notices = List.copyOf(notices);
    registries = List.copyOf(registries);
  }

  /** A report without a registry section (the login check is off). */
  public Report(
      String cluster,
      String instance,
      String revision,
      Optional<String> appliedRevision,
      Result result,
      Instant finishedAt,
      Counts counts,
      List<Entry> entries,
      List<String> errors,
      List<String> notices) {
    this(
        cluster,
        instance,
        revision,
        appliedRevision,
        result,
        finishedAt,
        counts,
        entries,
        errors,
        notices,
        List.of());
  }

  /** A report without notices. */
  public Report(
      String cluster,
      String instance,
      String revision,
      Optional<String> appliedRevision,
      Result result,
      Instant finishedAt,
      Counts counts,
      List<Entry> entries,
      List<String> errors) {
    this(
        cluster,
        instance,
        revision,
        appliedRevision,
        result,
        finishedAt,
        counts,
        entries,
        errors,
        List.of());
  }

  /**
   * This report with {@code more} notices: things to act on that change nothing now and do not
   * affect the result (e.g. values sealed with an older key).
   */
  public Report withNotices(List<String> more) {
    List<String> all = new java.util.ArrayList<>(notices);
    all.addAll(more);
    return with(all, registries);
  }

  /** This report with the login check's {@code registries} section. */
  public Report withRegistries(List<RegistryCheck> registries) {
    return with(notices, registries);
  }

  /**
   * A copy with the two sections added after the run replaced: one place that lists every field.
   */
  private Report with(List<String> notices, List<RegistryCheck> registries) {
    return new Report(
        cluster,
        instance,
        revision,
        appliedRevision,
        result,
        finishedAt,
        counts,
        entries,
        errors,
        notices,
        registries);
  }

  /**
   * SYNCED: everything matches the spec. DRIFTED: drift found and left in place (report mode,
   * conflicts). DEGRADED: some objects failed or are pending. FAILED: the revision could not be
   * fetched, parsed, validated or unsealed, or the deletion guard refused it.
   */
  public enum Result {
    SYNCED("Synced"),
    DRIFTED("Drifted"),
    DEGRADED("Degraded"),
    FAILED("Failed");

    private final String display;

    Result(String display) {
      this.display = display;
    }

    public String display() {
      return display;
    }
  }

  /** Totals over the whole reconcile. */
  public record Counts(
      int namespaces,
      int secrets,
      int serviceAccounts,
      int created,
      int updated,
      int linked,
      int unlinked,
      int deleted,
      int conflicts,
      int pending,
      int drifted,
      int failed) {}

  /**
   * One object's line in the report.
   *
   * @param kind {@code Secret} or {@code ServiceAccount}
   * @param drift empty, or {@code missing}, {@code modified}, {@code unlinked}, {@code foreign},
   *     {@code orphan}
   * @param action {@code create}, {@code update}, {@code link}, {@code unlink}, {@code delete},
   *     {@code conflict}, {@code adopt}, {@code pending} or {@code noop}
   * @param status {@code applied}, {@code planned} (report mode / plan), {@code failed}, {@code
   *     skipped}, {@code pending} or {@code unchanged}
   * @param reason why, in words; never a value
   */
  public record Entry(
      String pullSecret,
      String namespace,
      String kind,
      String name,
      Optional<String> drift,
      String action,
      String status,
      String reason) {
    public Entry {
      Objects.requireNonNull(pullSecret, "pullSecret");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(drift, "drift");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The login check's verdict on one Registry's credential, and the image check's on each of its
   * {@code verify} images.
   *
   * @param verdict {@code accepted}, {@code rejected}, {@code untrusted}, {@code
   *     http-not-insecure}, {@code tls-marked-insecure}, {@code unreachable} or {@code not-checked}
   * @param reason what the registry said, and for a verdict that holds the credential back, what to
   *     set; never a credential
   * @param checkedAt when the registry was last asked
   * @param images the verdict on each of the Registry's {@code verify} images, in spec order
   */
  public record RegistryCheck(
      String registry,
      String server,
      String verdict,
      String reason,
      Instant checkedAt,
      List<ImageCheck> images) {
    public RegistryCheck {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(checkedAt, "checkedAt");
      images = List.copyOf(images);
    }

    /** A Registry with no image to verify. */
    public RegistryCheck(
        String registry, String server, String verdict, String reason, Instant checkedAt) {
      this(registry, server, verdict, reason, checkedAt, List.of());
    }
  }

  /**
   * The image check's verdict on one {@code verify} image with the Registry's credential.
   *
   * @param image {@code repository:tag}
   * @param verdict {@code pullable}, {@code not-found}, {@code denied} (holds a new credential
   *     back), {@code unreachable} or {@code not-checked}
   * @param reason what the registry said and, for a denied image, what to grant; never a credential
   * @param checkedAt when the registry was last asked for this image
   */
  public record ImageCheck(String image, String verdict, String reason, Instant checkedAt) {
    public ImageCheck {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(checkedAt, "checkedAt");
    }
  }
}
