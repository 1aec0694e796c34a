package dev.pullsync.desired;

import java.util.Comparator;
import java.util.Objects;

/** The stable key that pairs desired and live objects: a namespace and a name. */
public record Ref(String namespace, String name) implements Comparable<Ref> {
  private static final Comparator<Ref> ORDER =
      Comparator.comparing(Ref::namespace).thenComparing(Ref::name);

  public Ref {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(Ref other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
