package io.memoguard.runtime.snapshot;

import java.lang.reflect.Array;

/**
 * What a store learns from the walk besides the graph: an estimate of the bytes the entry keeps
 * reachable (the value and its snapshot), and the class that keeps the value from being memoized.
 * The estimate errs high (UTF-16 strings, 8-byte references), so that a budget holds on any JVM.
 */
public final class Footprint {
  long bytes;
  Class<?> consumable;

  public Footprint() {}

  /** Estimated bytes the value and its snapshot keep reachable. */
  public long bytes() {
    return bytes;
  }

  /** A consumable or opaque class met in the value ({@link Consumables}), or null. */
  public Class<?> consumable() {
    return consumable;
  }

  void add(Object o, ClassInfo info) {
    Class<?> c = o.getClass();
    long size;
    if (c == String.class) {
      size = 40 + 2L * ((String) o).length();
    } else if (c.isArray()) {
      int length = Array.getLength(o);
      Class<?> component = c.getComponentType();
      long element = !component.isPrimitive() ? 8
          : component == long.class || component == double.class ? 8
          : component == int.class || component == float.class ? 4
          : component == short.class || component == char.class ? 2 : 1;
      size = 16 + element * length;
      // the snapshot keeps a copy of a short primitive array
      if (component.isPrimitive() && length <= ClassInfo.ARRAY_COPY_LIMIT) {
        size *= 2;
      }
    } else {
      size = 24 + 8L * (info.refFields.length + info.primFields.length);
    }
    // a snapshot slot or two per object
    bytes += size + 16;
  }
}
