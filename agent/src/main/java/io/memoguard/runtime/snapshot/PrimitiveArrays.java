package io.memoguard.runtime.snapshot;

import java.util.Arrays;

/** Copy, compare and hash of primitive arrays of any component type, without boxing. */
final class PrimitiveArrays {
  private PrimitiveArrays() {}

  static Object copy(Object a) {
    if (a instanceof int[]) return ((int[]) a).clone();
    if (a instanceof long[]) return ((long[]) a).clone();
    if (a instanceof byte[]) return ((byte[]) a).clone();
    if (a instanceof char[]) return ((char[]) a).clone();
    if (a instanceof double[]) return ((double[]) a).clone();
    if (a instanceof float[]) return ((float[]) a).clone();
    if (a instanceof short[]) return ((short[]) a).clone();
    return ((boolean[]) a).clone();
  }

  /** Index of the first difference between a and its copy b, or -1. */
  static int mismatch(Object a, Object b) {
    if (a instanceof int[]) return Arrays.mismatch((int[]) a, (int[]) b);
    if (a instanceof long[]) return Arrays.mismatch((long[]) a, (long[]) b);
    if (a instanceof byte[]) return Arrays.mismatch((byte[]) a, (byte[]) b);
    if (a instanceof char[]) return Arrays.mismatch((char[]) a, (char[]) b);
    if (a instanceof double[]) return Arrays.mismatch((double[]) a, (double[]) b);
    if (a instanceof float[]) return Arrays.mismatch((float[]) a, (float[]) b);
    if (a instanceof short[]) return Arrays.mismatch((short[]) a, (short[]) b);
    return Arrays.mismatch((boolean[]) a, (boolean[]) b);
  }

  static int hash(Object a) {
    if (a instanceof int[]) return Arrays.hashCode((int[]) a);
    if (a instanceof long[]) return Arrays.hashCode((long[]) a);
    if (a instanceof byte[]) return Arrays.hashCode((byte[]) a);
    if (a instanceof char[]) return Arrays.hashCode((char[]) a);
    if (a instanceof double[]) return Arrays.hashCode((double[]) a);
    if (a instanceof float[]) return Arrays.hashCode((float[]) a);
    if (a instanceof short[]) return Arrays.hashCode((short[]) a);
    return Arrays.hashCode((boolean[]) a);
  }
}
