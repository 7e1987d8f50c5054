package io.memoguard.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns call arguments into key material. Only values whose equals and hashCode are JDK code and
 * whose state cannot change after the call are accepted: immutable JDK values as they are, arrays
 * and JDK collections as copies. Anything else (an application object, a mutable builder) makes the
 * call pass through unmemoized, because a later mutation of it could make the key lie.
 */
final class ArgumentKeys {
  /** Returned when an argument cannot be part of a key. */
  static final Object[] NOT_MEMOIZABLE = new Object[0];

  private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return isImmutableValueType(type);
    }
  };

  private ArgumentKeys() {}

  /**
   * Normalizes a call's arguments in place. The advice allocates the array for each call and never
   * looks at it again, so the key can own it: a hit with value-type arguments copies nothing.
   */
  static Object[] normalizeArguments(Object[] args) {
    if (args == null) {
      return new Object[0];
    }
    for (int i = 0; i < args.length; i++) {
      Object value = normalizeValue(args[i]);
      if (value == NOT_MEMOIZABLE) {
        return NOT_MEMOIZABLE;
      }
      args[i] = value;
    }
    return args;
  }

  static Object[] normalize(Object[] args) {
    if (args == null || args.length == 0) {
      return args == null ? new Object[0] : args;
    }
    Object[] copy = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object value = normalizeValue(args[i]);
      if (value == NOT_MEMOIZABLE) {
        return NOT_MEMOIZABLE;
      }
      copy[i] = value;
    }
    return copy;
  }

  /** The type of the first argument that makes the call unmemoizable, for the notice. */
  static String firstUnsupportedType(Object[] args) {
    for (Object arg : args) {
      if (normalizeValue(arg) == NOT_MEMOIZABLE) {
        return arg.getClass().getName();
      }
    }
    return "?";
  }

  private static Object normalizeValue(Object value) {
    if (value == null || IMMUTABLE.get(value.getClass())) {
      return value;
    }
    Class<?> type = value.getClass();
    if (type.isArray()) {
      return normalizeArray(value);
    }
    if (!type.getName().startsWith("java.")) {
      return NOT_MEMOIZABLE;
    }
    if (value instanceof List) {
      return normalizeElements(((List<?>) value), new ArrayList<>());
    }
    if (value instanceof Set) {
      return normalizeElements(((Set<?>) value), new HashSet<>());
    }
    if (value instanceof Map) {
      Map<Object, Object> copy = new HashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        Object k = normalizeValue(e.getKey());
        Object v = normalizeValue(e.getValue());
        if (k == NOT_MEMOIZABLE || v == NOT_MEMOIZABLE) {
          return NOT_MEMOIZABLE;
        }
        copy.put(k, v);
      }
      return copy;
    }
    if (value instanceof Optional) {
      Optional<?> optional = (Optional<?>) value;
      if (optional.isEmpty()) {
        return optional;
      }
      Object inner = normalizeValue(optional.get());
      return inner == NOT_MEMOIZABLE ? NOT_MEMOIZABLE : Optional.of(inner);
    }
    return NOT_MEMOIZABLE;
  }

  private static Object normalizeElements(Collection<?> source, Collection<Object> copy) {
    for (Object element : source) {
      Object normalized = normalizeValue(element);
      if (normalized == NOT_MEMOIZABLE) {
        return NOT_MEMOIZABLE;
      }
      copy.add(normalized);
    }
    return copy;
  }

  private static Object normalizeArray(Object array) {
    if (array instanceof Object[]) {
      Object[] normalized = normalize((Object[]) array);
      return normalized == NOT_MEMOIZABLE ? NOT_MEMOIZABLE : new ArrayKey(normalized);
    }
    return new ArrayKey(array);
  }

  private static boolean isImmutableValueType(Class<?> type) {
    if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return true;
    }
    String name = type.getName();
    if (name.startsWith("java.time.")) {
      return !name.startsWith("java.time.chrono.") && !name.startsWith("java.time.format.")
          && !name.startsWith("java.time.temporal.") && !name.equals("java.time.Clock");
    }
    switch (name) {
      case "java.lang.String":
      case "java.lang.Integer":
      case "java.lang.Long":
      case "java.lang.Short":
      case "java.lang.Byte":
      case "java.lang.Character":
      case "java.lang.Boolean":
      case "java.lang.Double":
      case "java.lang.Float":
      case "java.lang.Class":
      case "java.math.BigInteger":
      case "java.math.BigDecimal":
      case "java.util.UUID":
      case "java.util.Locale":
      case "java.util.Currency":
      case "java.net.URI":
        return true;
      default:
        return false;
    }
  }

  /** An array copied at call time and compared by content. */
  static final class ArrayKey {
    private final Object array;
    private final int hash;

    ArrayKey(Object array) {
      this.array = copyOf(array);
      this.hash = Arrays.deepHashCode(new Object[] {this.array});
    }

    private static Object copyOf(Object array) {
      if (array instanceof Object[]) {
        return ((Object[]) array).clone();
      } else if (array instanceof int[]) {
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
      return other instanceof ArrayKey
          && Arrays.deepEquals(new Object[] {array}, new Object[] {((ArrayKey) other).array});
    }
  }
}
