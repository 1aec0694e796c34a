package dev.pullsync.unseal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place plaintext credential bytes live: named entries (e.g. {@code username}, {@code
 * password}, {@code email}, or {@code .dockerconfigjson}). Not a record on purpose: {@link
 * #toString} shows key names only, and {@link #equals} compares SHA-256 digests in constant time,
 * so printing or comparing one never reveals a value. The digest itself is never exposed.
 */
public final class Credential {
  private final Map<String, byte[]> entries;
  private final byte[] digest;

  private Credential(Map<String, byte[]> entries) {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k), v.clone()));
    this.entries = Collections.unmodifiableMap(copy);
    this.digest = digestOf(copy);
  }

  /** A credential holding copies of the given entries. */
  public static Credential of(Map<String, byte[]> entries) {
    return new Credential(entries);
  }

  /** A credential with one UTF-8 entry. */
  public static Credential ofString(String key, String value) {
    return new Credential(Map.of(key, value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The entry names, sorted. */
  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** A copy of one entry's bytes, or {@code null} when absent. Callers must not log it. */
  public byte[] bytes(String key) {
    byte[] v = entries.get(key);
    return v == null ? null : v.clone();
  }

  /** One entry decoded as UTF-8, or {@code null} when absent. Callers must not log it. */
  public String string(String key) {
    byte[] v = entries.get(key);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  /** True when entry {@code key} holds the same bytes here and in {@code other}. */
  public boolean sameEntry(Credential other, String key) {
    byte[] a = entries.get(key);
    byte[] b = other.entries.get(key);
    return a == null ? b == null : b != null && MessageDigest.isEqual(a, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential c && MessageDigest.isEqual(c.digest, digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(Arrays.copyOf(digest, 4));
  }

  /** Key names only, never values. */
  @Override
  public String toString() {
    return "Credential" + entries.keySet();
  }

  private static byte[] digestOf(TreeMap<String, byte[]> entries) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
        md.update(lengthPrefix(k.length));
        md.update(k);
        md.update(lengthPrefix(e.getValue().length));
        md.update(e.getValue());
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static byte[] lengthPrefix(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }
}
