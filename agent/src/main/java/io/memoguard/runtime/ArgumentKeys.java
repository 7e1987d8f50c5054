package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.StateFields;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * Turns call arguments into key material that keeps everything the method can observe of them:
 * values by their JDK equals, containers by concrete class, iteration order, elements (recursively)
 * and comparator (by identity), arrays by class and content, application objects (records, page
 * requests, criteria) by class and the value of every field, recursively, a cycle by its shape. The
 * material is a copy, so a caller that changes an argument after the call cannot make a stored key
 * lie, and two instances equal in value make the same key. Building it never runs application
 * code: only JDK values, JDK containers whose iteration is JDK code and application objects whose
 * state is all in their fields are accepted ({@link ArgumentKinds}); wrappers and views are read
 * through their fields. Anything else (a lambda, an application collection, a resource, a mutable
 * JDK builder, an identity map, a graph over {@link #MAX_OBJECTS} objects) makes the call pass
 * through unmemoized.
 */
final class ArgumentKeys {
  /** Returned when an argument cannot be part of a key. */
  static final Object[] NOT_MEMOIZABLE = new Object[0];
  /** Deeper nesting (or a collection that contains itself) passes through. */
  private static final int MAX_DEPTH = 32;
  /**
   * Application objects read for one call's key: a value object has a handful, and an argument
   * that reaches a whole object graph (a service, a managed entity) is not worth reading.
   */
  static final int MAX_OBJECTS = 256;

  private ArgumentKeys() {}

  /**
   * Normalizes a call's arguments in place. The advice allocates the array for each call and never
   * looks at it again, so the key can own it: a hit with value-type arguments copies nothing.
   */
  static Object[] normalizeArguments(Object[] args) {
    if (args == null) {
      return new Object[0];
    }
    Budget budget = null;
    try {
      for (int i = 0; i < args.length; i++) {
        Object arg = args[i];
        if (arg == null) {
          continue;
        }
        Object kind = ArgumentKinds.lookup(arg.getClass());
        if (kind == ArgumentKinds.VALUE_KIND) {
          continue; // the common case: nothing to copy, nothing allocated
        }
        if (kind instanceof Field[]) {
          args[i] = flat(arg, (Field[]) kind); // a record of values: its fields, no walk
          continue;
        }
        if (budget == null) {
          budget = new Budget(null);
        }
        Object value = normalize(arg, budget, 0);
        if (value == NOT_MEMOIZABLE) {
          return NOT_MEMOIZABLE;
        }
        args[i] = value;
      }
    } catch (RuntimeException changedWhileRead) {
      return NOT_MEMOIZABLE; // e.g. modified by another thread during the copy
    }
    return args;
  }

  /**
   * Why the call is unmemoizable, for the notice: the class of the innermost value that cannot be
   * part of a key, or the bound it exceeds. Safe on an
   * array that {@link #normalizeArguments} has partly normalized already.
   */
  static String firstUnsupportedType(Object[] args) {
    Budget budget = new Budget(new Object[1]);
    try {
      for (Object arg : args) {
        if (normalize(arg, budget, 0) == NOT_MEMOIZABLE) {
          Object culprit = budget.culprit[0];
          return culprit == null ? "?" : culprit instanceof String ? (String) culprit
              : "type " + culprit.getClass().getName();
        }
      }
    } catch (RuntimeException changedWhileRead) {
      return "?";
    }
    return "?";
  }

  private static Object normalize(Object value, Budget budget, int depth) {
    if (value == null) {
      return null;
    }
    if (value instanceof KeyParts.Part || value instanceof KeyParts.PrimitiveArray
        || value instanceof KeyParts.Cycle) {
      return value; // normalized already (firstUnsupportedType on a reused array)
    }
    byte kind = ArgumentKinds.of(value.getClass());
    if (kind == ArgumentKinds.VALUE) {
      return value;
    }
    if (kind == ArgumentKinds.PRIMITIVE_ARRAY) {
      return new KeyParts.PrimitiveArray(value);
    }
    if (depth >= MAX_DEPTH) {
      return budget.fail("nesting deeper than " + MAX_DEPTH);
    }
    switch (kind) {
      case ArgumentKinds.OBJECT_ARRAY: {
        Object[] array = (Object[]) value;
        return part(value.getClass(), null, array.length, java.util.Arrays.asList(array), budget,
            depth);
      }
      case ArgumentKinds.OPTIONAL: {
        Optional<?> optional = (Optional<?>) value;
        Object inner = normalize(optional.orElse(null), budget, depth + 1);
        return inner == NOT_MEMOIZABLE ? NOT_MEMOIZABLE : Optional.ofNullable(inner);
      }
      case ArgumentKinds.SEQUENCE:
        return part(value.getClass(), null, -1, (Collection<?>) value, budget, depth);
      case ArgumentKinds.PRIORITY:
        return part(value.getClass(), priorityComparator(value), -1, (Collection<?>) value,
            budget, depth);
      case ArgumentKinds.SORTED_SET:
        return sortedSet(value, budget, depth);
      case ArgumentKinds.MAP:
        return map(value.getClass(), null, (Map<?, ?>) value, budget, depth);
      case ArgumentKinds.SORTED_MAP:
        return map(value.getClass(), ((SortedMap<?, ?>) value).comparator(), (Map<?, ?>) value,
            budget, depth);
      case ArgumentKinds.LINKED_MAP:
        return map(value.getClass(), readBoolean(ArgumentKinds.ACCESS_ORDER, value),
            (Map<?, ?>) value, budget, depth);
      case ArgumentKinds.ENTRY: {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
        return part(value.getClass(), null, 2,
            java.util.Arrays.asList(entry.getKey(), entry.getValue()), budget, depth);
      }
      case ArgumentKinds.FIELDS:
        return byFields(value, budget, depth);
      case ArgumentKinds.OBJECT:
        return object(value, budget, depth);
      case ArgumentKinds.FLAT_OBJECT:
        return budget.takeObject() ? flat(value, StateFields.of(value.getClass()))
            : budget.fail("more than " + MAX_OBJECTS + " application objects");
      default:
        return budget.fail(value);
    }
  }

  /** Elements in iteration order; the size is taken from the copy, never asked beforehand. */
  private static Object part(Class<?> type, Object identity, int size, Iterable<?> elements,
      Budget budget, int depth) {
    ArrayList<Object> copy = new ArrayList<>(size >= 0 ? size : 10);
    for (Object element : elements) {
      if (!budget.take()) {
        return budget.fail("more than " + Settings.maxGraphObjects + " elements");
      }
      Object normalized = normalize(element, budget, depth + 1);
      if (normalized == NOT_MEMOIZABLE) {
        return NOT_MEMOIZABLE;
      }
      copy.add(normalized);
    }
    return new KeyParts.Part(type, identity, copy.toArray());
  }

  private static Object map(Class<?> type, Object identity, Map<?, ?> map, Budget budget,
      int depth) {
    ArrayList<Object> copy = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!budget.take()) {
        return budget.fail("more than " + Settings.maxGraphObjects + " elements");
      }
      Object k = normalize(e.getKey(), budget, depth + 1);
      Object v = k == NOT_MEMOIZABLE ? NOT_MEMOIZABLE : normalize(e.getValue(), budget, depth + 1);
      if (v == NOT_MEMOIZABLE) {
        return NOT_MEMOIZABLE;
      }
      copy.add(k);
      copy.add(v);
    }
    return new KeyParts.Part(type, identity, copy.toArray());
  }

  /**
   * A TreeSet or ConcurrentSkipListSet is iterated only over a whole backing map: a sub-set view
   * compares elements with its bounds while iterating, which may run application code.
   */
  private static Object sortedSet(Object set, Budget budget, int depth) {
    boolean tree = set instanceof java.util.TreeSet;
    Object backing = read(tree ? ArgumentKinds.TREE_SET_MAP : ArgumentKinds.SKIP_LIST_SET_MAP, set);
    Class<?> whole = tree ? TreeMap.class : ConcurrentSkipListMap.class;
    if (backing == null || backing.getClass() != whole) {
      return budget.fail(set);
    }
    return part(set.getClass(), ((SortedMap<?, ?>) backing).comparator(), -1, (Collection<?>) set,
        budget, depth);
  }

  private static Comparator<?> priorityComparator(Object queue) {
    return queue instanceof PriorityQueue ? ((PriorityQueue<?>) queue).comparator()
        : ((PriorityBlockingQueue<?>) queue).comparator();
  }

  /** A java.util.Collections wrapper or view: its class and every field, never its methods. */
  private static Object byFields(Object value, Budget budget, int depth) {
    Field[] fields = ArgumentKinds.fields(value.getClass());
    if (fields == null) {
      return budget.fail(value);
    }
    Object[] parts = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object field = read(fields[i], value);
      Object normalized = field == value ? KeyParts.SELF : normalize(field, budget, depth + 1);
      if (normalized == NOT_MEMOIZABLE) {
        return NOT_MEMOIZABLE;
      }
      parts[i] = normalized;
    }
    return new KeyParts.Part(value.getClass(), null, parts);
  }

  /**
   * An application object by its class and the state of every field at call time
   * ({@link StateFields}): equal in value makes an equal key whatever the instance, and a later
   * change to the object cannot reach the key. No method of it runs.
   */
  private static Object object(Object value, Budget budget, int depth) {
    int up = budget.ancestor(value, depth);
    if (up > 0) {
      return new KeyParts.Cycle(up);
    }
    if (!budget.takeObject()) {
      return budget.fail("more than " + MAX_OBJECTS + " application objects");
    }
    Field[] fields = StateFields.of(value.getClass());
    Object[] parts = new Object[fields.length];
    budget.enter(value, depth);
    for (int i = 0; i < fields.length; i++) {
      Object normalized = normalize(read(fields[i], value), budget, depth + 1);
      if (normalized == NOT_MEMOIZABLE) {
        return NOT_MEMOIZABLE;
      }
      parts[i] = normalized;
    }
    budget.leave(depth);
    return new KeyParts.Part(value.getClass(), null, parts);
  }

  private static Object flat(Object value, Field[] fields) {
    Object[] parts = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      parts[i] = read(fields[i], value);
    }
    return new KeyParts.Part(value.getClass(), null, parts);
  }

  private static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A flag as the identity part of a key: {@link KeyParts#SELF} for true, null for false. */
  private static Object readBoolean(Field field, Object target) {
    return ((Boolean) read(field, target)) ? KeyParts.SELF : null;
  }

  /**
   * Bounds the work of one key, remembers why it failed when asked to, and holds the application
   * objects on the path being read (by depth) to find cycles.
   */
  private static final class Budget {
    final Object[] culprit;
    private int left = Settings.maxGraphObjects;
    private int objectsLeft = MAX_OBJECTS;
    private Object[] path;

    Budget(Object[] culprit) {
      this.culprit = culprit;
    }

    boolean take() {
      return --left >= 0;
    }

    boolean takeObject() {
      return --objectsLeft >= 0 && take();
    }

    /** How many levels above depth the same object is being read, or 0. */
    int ancestor(Object o, int depth) {
      if (path != null) {
        for (int d = Math.min(depth, path.length) - 1; d >= 0; d--) {
          if (path[d] == o) {
            return depth - d;
          }
        }
      }
      return 0;
    }

    void enter(Object o, int depth) {
      if (path == null) {
        path = new Object[MAX_DEPTH];
      }
      path[depth] = o;
    }

    void leave(int depth) {
      path[depth] = null;
    }

    Object fail(Object why) {
      if (culprit != null && culprit[0] == null) {
        culprit[0] = why;
      }
      return NOT_MEMOIZABLE;
    }
  }
}
