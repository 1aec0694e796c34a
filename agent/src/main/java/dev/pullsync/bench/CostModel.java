package dev.pullsync.bench;

/**
 * What the benchmark's spec must cost, object by object: the writes a correct agent sends, and
 * nothing else. Namespace {@code i} gets the glob Secret, the list Secret when {@code i} is among
 * the first {@link BenchSpec#LISTED}, and the selector Secret when it is even (labelled gold); its
 * {@code default} ServiceAccount gets one update that adds all of its entries.
 */
final class CostModel {
  private CostModel() {}

  static int secretsIn(int i) {
    return 1 + (i < BenchSpec.LISTED ? 1 : 0) + (i % 2 == 0 ? 1 : 0);
  }

  /** Secrets to create for namespaces {@code from..to-1}. */
  static long secrets(int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n += secretsIn(i);
    }
    return n;
  }

  /**
   * Gold namespaces among {@code from..to-1}: the Secrets a rotation of the selector's registry
   * touches.
   */
  static long gold(int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n += i % 2 == 0 ? 1 : 0;
    }
    return n;
  }

  /** Poll-every-namespace design: GET Secret(s) + GET ServiceAccount per namespace per period. */
  static long pollRequestsPerHour(long namespaces, long secretsPerNamespace, long periodSeconds) {
    return namespaces * (secretsPerNamespace + 1) * (3600 / periodSeconds);
  }
}
