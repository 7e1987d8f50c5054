package io.memoguard.runtime.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Finds the first difference between a memoized value and a fresh result of the same call (verify
 * mode). Application objects are compared field by field, reflectively, with the rules the
 * {@link SnapshotTaker} uses: transient, synthetic and Hibernate {@code $$_hibernate_*} fields are
 * not part of the value, JDK collections, maps and arrays are compared element by element, and no
 * method of an application class runs: not its equals, hashCode, compareTo or toString, nor a
 * getter or iterator (they may have side effects, throw, or load lazily). Only immutable JDK
 * values are compared with their own (JDK) equals. Unordered sets and hash maps are matched
 * element against element (key against key) structurally, never by hashing, so equal contents
 * in a different iteration order are the same.
 *
 * <p>Breadth-first over pairs of objects, so the path reported is a shortest one; a pair already
 * compared is not compared again, which also ends cycles.
 */
public final class StructuralDiff {
  /** Unordered sets up to this size are matched element against element; larger ones by position. */
  static final int MATCH_LIMIT = 256;

  private final int maxPairs;
  private final IdentityHashMap<Object, Object> seen = new IdentityHashMap<>();
  private final ArrayDeque<Pair> queue = new ArrayDeque<>();
  private int pairs;

  private StructuralDiff(int maxPairs) {
    this.maxPairs = maxPairs;
  }

  /**
   * Null when the two values are the same, else the path of the first difference, e.g.
   * {@code Mortgage.product.investor}, {@code ArrayList[2]} or {@code ArrayList (size 3 -> 2)}.
   * Never contains a value, only names, indexes, map positions with their key's class (never the
   * key, see {@link Paths#value}) and sizes; a deep path is elided in the middle. Gives up
   * (null) beyond {@code maxPairs} compared pairs.
   */
  public static String firstDifference(Object memoized, Object fresh, int maxPairs) {
    StructuralDiff diff = new StructuralDiff(maxPairs);
    Object root = memoized != null ? memoized : fresh;
    String rootName = root == null ? "null" : simpleName(root.getClass());
    diff.queue.add(new Pair(memoized, fresh, null, rootName));
    return diff.run();
  }

  static boolean same(Object a, Object b, int maxPairs) {
    return new StructuralDiff(maxPairs).runFrom(a, b) == null;
  }

  private String runFrom(Object a, Object b) {
    queue.add(new Pair(a, b, null, ""));
    return run();
  }

  private String run() {
    Pair p;
    while ((p = queue.poll()) != null) {
      if (++pairs > maxPairs) {
        return null;
      }
      String detail;
      try {
        detail = compare(p);
      } catch (ReflectiveOperationException | RuntimeException e) {
        detail = null; // unreadable: not something verify mode can judge
      }
      if (detail != null) {
        return p.path() + detail;
      }
    }
    return null;
  }

  /** Null when p's objects are the same so far (children queued), else the detail to append. */
  private String compare(Pair p) throws ReflectiveOperationException {
    Object a = p.a;
    Object b = p.b;
    if (a == b) {
      return null;
    }
    if (a == null || b == null) {
      return a == null ? " (null -> non-null)" : " (non-null -> null)";
    }
    Class<?> c = a.getClass();
    if (c != b.getClass()) {
      return " (class " + simpleName(c) + " -> " + simpleName(b.getClass()) + ")";
    }
    Object pairedWith = seen.get(a);
    if (pairedWith == b) {
      return null;
    }
    seen.put(a, b);
    if (c.isArray()) {
      return array(p, a, b);
    }
    ClassInfo info = ClassInfo.of(c);
    Field[] fields = ValueFields.of(c);
    switch (info.kind) {
      case ClassInfo.GUARDED:
      case ClassInfo.PLAIN:
        fields(p, fields, a, b, true);
        return contents(p, info.contents, a, b);
      case ClassInfo.WRAPPER:
        fields(p, fields, a, b, false);
        return null;
      case ClassInfo.COLLECTION:
      case ClassInfo.MAP:
        return contents(p, info.kind, a, b);
      case ClassInfo.ENTRY:
        queue.add(new Pair(((Map.Entry<?, ?>) a).getKey(), ((Map.Entry<?, ?>) b).getKey(), p, ".key"));
        queue.add(new Pair(((Map.Entry<?, ?>) a).getValue(), ((Map.Entry<?, ?>) b).getValue(), p,
            ".value"));
        return null;
      case ClassInfo.OPTIONAL:
        queue.add(new Pair(((Optional<?>) a).orElse(null), ((Optional<?>) b).orElse(null), p, ""));
        return null;
      case ClassInfo.CHARS:
        return a.toString().equals(b.toString()) ? null : "";
      case ClassInfo.ATOMIC:
        return JdkValues.atomicBits(a) == JdkValues.atomicBits(b) ? null : "";
      case ClassInfo.ATOMIC_REF:
        if (JdkValues.atomicBits(a) != JdkValues.atomicBits(b)) {
          return "";
        }
        queue.add(new Pair(JdkValues.referent(a), JdkValues.referent(b), p, ""));
        return null;
      case ClassInfo.ATOMIC_ARRAY: {
        int n = JdkValues.atomicLength(a);
        if (n != JdkValues.atomicLength(b)) {
          return " (length " + n + " -> " + JdkValues.atomicLength(b) + ")";
        }
        for (int i = 0; i < n; i++) {
          if (JdkValues.atomicElement(a, i) != JdkValues.atomicElement(b, i)) {
            return "[" + i + "]";
          }
        }
        return null;
      }
      case ClassInfo.ATOMIC_REF_ARRAY: {
        AtomicReferenceArray<?> x = (AtomicReferenceArray<?>) a;
        AtomicReferenceArray<?> y = (AtomicReferenceArray<?>) b;
        if (x.length() != y.length()) {
          return " (length " + x.length() + " -> " + y.length() + ")";
        }
        for (int i = 0; i < x.length(); i++) {
          queue.add(new Pair(x.get(i), y.get(i), p, "[" + i + "]"));
        }
        return null;
      }
      case ClassInfo.DATE:
      case ClassInfo.TIMESTAMP:
      case ClassInfo.CALENDAR:
      case ClassInfo.BITSET:
        return jdkEquals(a, b) ? null : "";
      case ClassInfo.LEAF:
      default:
        return leafSame(c, a, b) ? null : "";
    }
  }

  /** Date, Timestamp, Calendar and BitSet compare by value in their JDK equals. */
  private static boolean jdkEquals(Object a, Object b) {
    return (a instanceof Date || a instanceof Calendar || a instanceof BitSet) && a.equals(b);
  }

  /**
   * Leaves: immutable JDK values (String, boxes, java.time, BigDecimal, UUID) compare with their
   * equals; enums by identity. An application class without fields of its own has no value to
   * compare beyond its class (which matched). A JDK container the walker does not look into may
   * hold application objects, whose equals its own would call: not judged.
   */
  private static boolean leafSame(Class<?> c, Object a, Object b) {
    if (a instanceof Enum) {
      return false; // a != b was checked
    }
    if (!ClassInfo.isJdk(c) || a instanceof Iterable || a instanceof Map
        || a instanceof Map.Entry) {
      return true;
    }
    return a.equals(b);
  }

  private void fields(Pair p, Field[] fields, Object a, Object b, boolean named)
      throws IllegalAccessException {
    for (Field f : fields) {
      Object x = f.get(a);
      Object y = f.get(b);
      String step = named ? "." + Paths.bounded(f.getName()) : "";
      if (f.getType().isPrimitive()) {
        if (!x.equals(y)) {
          queue.addFirst(new Pair(x, y, p, step)); // reported next, as this pair's child
          return;
        }
      } else {
        queue.add(new Pair(x, y, p, step));
      }
    }
  }

  private String contents(Pair p, byte kind, Object a, Object b) {
    if (kind == ClassInfo.COLLECTION) {
      return collection(p, (Collection<?>) a, (Collection<?>) b);
    }
    if (kind == ClassInfo.MAP) {
      return map(p, (Map<?, ?>) a, (Map<?, ?>) b);
    }
    return null;
  }

  private String collection(Pair p, Collection<?> a, Collection<?> b) {
    List<Object> x = elements(a);
    List<Object> y = elements(b);
    if (x.size() != y.size()) {
      return " (size " + x.size() + " -> " + y.size() + ")";
    }
    if (isUnordered(a) && x.size() <= MATCH_LIMIT) {
      return unmatched(x, y);
    }
    for (int i = 0; i < x.size(); i++) {
      queue.add(new Pair(x.get(i), y.get(i), p, "[" + i + "]"));
    }
    return null;
  }

  /** Each element of x needs a distinct equal element in y, in any order. */
  private String unmatched(List<Object> x, List<Object> y) {
    boolean[] used = new boolean[y.size()];
    for (int i = 0; i < x.size(); i++) {
      boolean found = false;
      for (int j = 0; j < y.size() && !found; j++) {
        if (!used[j] && same(x.get(i), y.get(j), maxPairs)) {
          used[j] = true;
          found = true;
        }
      }
      if (!found) {
        return "[#" + i + "] (no equal element in the fresh result)";
      }
    }
    return null;
  }

  private String map(Pair p, Map<?, ?> a, Map<?, ?> b) {
    List<Object> x = entries(a);
    List<Object> y = entries(b);
    if (x.size() != y.size()) {
      return " (size " + x.size() / 2 + " -> " + y.size() / 2 + ")";
    }
    if (!isUnordered(a)) {
      for (int i = 0; i < x.size(); i += 2) {
        queue.add(new Pair(x.get(i), y.get(i), p, "[key#" + i / 2 + "]"));
        queue.add(new Pair(x.get(i + 1), y.get(i + 1), p, "[" + Paths.value(x.get(i), i / 2) + "]"));
      }
      return null;
    }
    if (x.size() / 2 > MATCH_LIMIT) {
      return null; // too large to match keys pairwise; not judged
    }
    boolean[] used = new boolean[y.size() / 2];
    for (int i = 0; i < x.size(); i += 2) {
      int match = -1;
      for (int j = 0; j < y.size() && match < 0; j += 2) {
        if (!used[j / 2] && same(x.get(i), y.get(j), maxPairs)) {
          match = j;
        }
      }
      if (match < 0) {
        return "[key#" + i / 2 + "] (no equal key in the fresh result)";
      }
      used[match / 2] = true;
      queue.add(new Pair(x.get(i + 1), y.get(match + 1), p, "[" + Paths.value(x.get(i), i / 2) + "]"));
    }
    return null;
  }

  private static boolean isUnordered(Object container) {
    if (container instanceof Set) {
      return !(container instanceof SortedSet) && !(container instanceof LinkedHashSet);
    }
    if (container instanceof Map) {
      return !(container instanceof SortedMap) && !(container instanceof LinkedHashMap);
    }
    return false;
  }

  /** Through the collection's own forEach: for the JDK classes ClassInfo admits, JDK code only. */
  private static List<Object> elements(Collection<?> c) {
    List<Object> out = new ArrayList<>();
    c.forEach(out::add);
    return out;
  }

  /** Keys and values, alternating. */
  private static List<Object> entries(Map<?, ?> m) {
    List<Object> out = new ArrayList<>();
    m.forEach((k, v) -> {
      out.add(k);
      out.add(v);
    });
    return out;
  }

  private String array(Pair p, Object a, Object b) {
    int n = Array.getLength(a);
    int m = Array.getLength(b);
    if (n != m) {
      return " (length " + n + " -> " + m + ")";
    }
    if (a.getClass().getComponentType().isPrimitive()) {
      int i = PrimitiveArrays.mismatch(a, b);
      return i < 0 ? null : "[" + i + "]";
    }
    Object[] x = (Object[]) a;
    Object[] y = (Object[]) b;
    for (int i = 0; i < n; i++) {
      queue.add(new Pair(x[i], y[i], p, "[" + i + "]"));
    }
    return null;
  }

  public static String simpleName(Class<?> c) {
    String s = c.getSimpleName();
    return s.isEmpty() ? c.getName().substring(c.getName().lastIndexOf('.') + 1) : s;
  }

  private static final class Pair {
    final Object a;
    final Object b;
    final Pair parent;
    final String step;

    Pair(Object a, Object b, Pair parent, String step) {
      this.a = a;
      this.b = b;
      this.parent = parent;
      this.step = step;
    }

    /** The steps from the root, the middle of a deep one elided as in {@link Paths#of}. */
    String path() {
      ArrayList<String> steps = new ArrayList<>();
      for (Pair q = this; q != null; q = q.parent) {
        if (!q.step.isEmpty()) {
          steps.add(q.step);
        }
      }
      int n = steps.size();
      // the root's own step (its class name) is the first one kept
      int keep = Paths.KEEP_STEPS + 1;
      StringBuilder sb = new StringBuilder();
      for (int d = 0; d < n; d++) {
        if (d == keep && n > 2 * keep) {
          Paths.elide(sb, n - 2 * keep);
          d = n - keep;
        }
        sb.append(steps.get(n - 1 - d));
      }
      return sb.toString();
    }
  }
}
