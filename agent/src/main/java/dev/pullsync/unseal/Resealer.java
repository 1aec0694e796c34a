package dev.pullsync.unseal;

import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.Spec;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Re-encrypts every sealed value of a spec to a (renewed) public key, with the scope it was sealed
 * for, by replacing only the ciphertext text in its file: comments, order and formatting stay as
 * they were. Values already sealed for that key are left alone. Pure over file texts: the caller
 * reads the files ({@code text}) and writes {@link Result#texts}. Never prints a value.
 */
public final class Resealer {
  private final KeyRing ring;
  private final String agentNamespace;
  private final HybridCipher cipher;

  public Resealer(KeyRing ring, String agentNamespace, SecureRandom random) {
    this.ring = ring;
    this.agentNamespace = agentNamespace;
    this.cipher = new HybridCipher(random);
  }

  /** One value re-sealed (or to be, in a dry run). */
  public record Change(Location location, String field, String scope, String fromKey) {
    /** {@code file:line: field: re-sealed <scope> (was key <id>)}. */
    public String describe(String verb) {
      return location + ": " + field + ": " + verb + " " + scope + " (was key " + fromKey + ")";
    }
  }

  /**
   * What re-sealing gives.
   *
   * @param texts the new text of every file that changed, by spec-relative name
   * @param current how many values were already sealed for the target key
   */
  public record Result(
      List<Change> changes, Map<String, String> texts, int current, List<Problem> problems) {
    public Result {
      changes = List.copyOf(changes);
      texts = Map.copyOf(texts);
      problems = List.copyOf(problems);
    }
  }

  /** Re-seals the values of {@code spec} (files read with {@code text}) for {@code target}. */
  public Result reseal(Spec spec, PublicKey target, Function<String, String> text) {
    Map<String, String> texts = new TreeMap<>();
    List<Change> changes = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int current = 0;
    for (SealedSites.Site site : SealedSites.of(spec, agentNamespace)) {
      Location at = site.value().location();
      Optional<Opening> opening = open(site);
      if (opening.isEmpty()) {
        problems.add(new Problem(at, site.field(), UnsealException.Reason.NO_KEY.text()));
        continue;
      }
      Opening o = opening.get();
      if (o.opened().key().publicKey().equals(target)) {
        current++;
        continue;
      }
      String fresh =
          SealedText.encode(cipher.seal(target, o.opened().plaintext(), o.label().bytes()));
      Arrays.fill(o.opened().plaintext(), (byte) 0);
      String before = texts.computeIfAbsent(at.file(), text);
      Optional<String> after = replace(before, at.line(), site.value().ciphertext(), fresh);
      if (after.isEmpty()) {
        problems.add(
            new Problem(
                at,
                site.field(),
                "the ciphertext is not written on one line here; put it on one line to re-seal it"));
        continue;
      }
      texts.put(at.file(), after.get());
      changes.add(new Change(at, site.field(), o.label().describe(), o.opened().key().shortId()));
    }
    texts.entrySet().removeIf(e -> e.getValue().equals(text.apply(e.getKey())));
    return new Result(changes, texts, current, problems);
  }

  private record Opening(KeyRing.Opened opened, SealedSites.Label label) {}

  private Optional<Opening> open(SealedSites.Site site) {
    byte[] sealed;
    try {
      sealed = SealedText.decode(site.value().ciphertext());
    } catch (UnsealException e) {
      return Optional.empty();
    }
    for (SealedSites.Label label : site.labels()) {
      try {
        return Optional.of(new Opening(ring.openWithKey(sealed, label.bytes()), label));
      } catch (UnsealException e) {
        // try the next scope
      }
    }
    return Optional.empty();
  }

  /** {@code text} with the first {@code old} at or after line {@code line} replaced. */
  static Optional<String> replace(String text, int line, String old, String fresh) {
    int from = 0;
    for (int l = 1; l < line && from >= 0; l++) {
      from = text.indexOf('\n', from);
      from = from < 0 ? -1 : from + 1;
    }
    int at = text.indexOf(old, Math.max(from, 0));
    if (old.isEmpty() || at < 0) {
      return Optional.empty();
    }
    return Optional.of(text.substring(0, at) + fresh + text.substring(at + old.length()));
  }
}
