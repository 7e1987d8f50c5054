package io.memoguard.runtime;

import java.util.Arrays;

/**
 * The normalized forms of non-value arguments ({@link ArgumentKeys}). Their equals and hashCode
 * touch only the concrete class (by identity), an optional comparator (by identity: it is
 * application code and is never called) and elements that are themselves normalized, so comparing
 * two keys never runs application code.
 */
final class KeyParts {
  private KeyParts() {}

  /** Marks an object that refers to itself (a synchronized wrapper's own mutex). */
  static final Object SELF = new Object();

  /**
   * A container as the method can observe it: its concrete class, its elements in iteration order
   * (a map's as key, value, key, value...), and its comparator or other identity-compared state.
   */
  static final class Part {
    final Class<?> type;
    /** Compared by identity: a comparator, or null. */
    final Object identity;
    final Object[] elements;
    private final int hash;

    Part(Class<?> type, Object identity, Object[] elements) {
      this.type = type;
      this.identity = identity;
      this.elements = elements;
      this.hash = (System.identityHashCode(type) * 31 + System.identityHashCode(identity)) * 31
          + Arrays.hashCode(elements);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Part)) {
        return false;
      }
      Part that = (Part) other;
      return hash == that.hash && type == that.type && identity == that.identity
          && Arrays.equals(elements, that.elements);
    }
  }

  /**
   * An application object met again on its own path (a cycle): how many levels up. Two graphs
   * with the same shape and values make equal keys, and the key holds no reference to either.
   */
  static final class Cycle {
    private final int up;

    Cycle(int up) {
      this.up = up;
    }

    @Override
    public int hashCode() {
      return 0x5eed + up;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Cycle && ((Cycle) other).up == up;
    }
  }

  /** A primitive array copied at call time: its class and content. */
  static final class PrimitiveArray {
    private final Object array;
    private final int hash;

    PrimitiveArray(Object array) {
      this.array = copyOf(array);
      this.hash = System.identityHashCode(array.getClass()) * 31
          + Arrays.deepHashCode(new Object[] {this.array});
    }

    private static Object copyOf(Object array) {
      if (array instanceof int[]) {
        return ((int[]) array).clone();
      } else if (array instanceof long[]) {
        return ((long[]) array).clone();
      } else if (array instanceof byte[]) {
        return ((byte[]) array).clone();
      } else if (array instanceof char[]) {
        return ((char[]) array).clone();
      } else if (array instanceof short[]) {
        return ((short[]) array).clone();
      } else if (array instanceof boolean[]) {
        return ((boolean[]) array).clone();
      } else if (array instanceof double[]) {
        return ((double[]) array).clone();
      }
      return ((float[]) array).clone();
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PrimitiveArray && hash == ((PrimitiveArray) other).hash
          && array.getClass() == ((PrimitiveArray) other).array.getClass()
          && Arrays.deepEquals(new Object[] {array}, new Object[] {((PrimitiveArray) other).array});
    }
  }
}
