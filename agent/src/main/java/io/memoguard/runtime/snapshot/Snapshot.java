package io.memoguard.runtime.snapshot;

import java.lang.reflect.Field;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What {@link SnapshotTaker} found in a memoized value: the {@link Guarded} instances the caller has
 * to track, and a snapshot of every other mutable object (application objects without barriers,
 * JDK collections and maps, arrays, dates), against which {@link #check()} checks on a cache hit.
 *
 * <p>A snapshot holds the referenced objects themselves (compared by identity) and the bits of
 * primitive values rather than a hash, so no change is lost to a collision and the first changed
 * element can be named. Only primitive arrays longer than 4096 elements are hashed, to bound the
 * memory of the copy. Immutable after construction; {@link #check()} may be called from several
 * threads at once.
 */
public final class Snapshot {
  private static final ThreadLocal<Checker> CHECKER = ThreadLocal.withInitial(Checker::new);
  private static final Object[] NO_OBJECTS = {};
  private static final byte[] NO_BYTES = {};
  private static final int[] NO_INTS = {};
  private static final int[] NO_START = {0};
  private static final long[] NO_LONGS = {};
  private static final ClassInfo[] NO_INFO = {};

  /** Null when nothing is watched: a path is only built to name a change. */
  private final Paths paths;
  private final Guarded[] guarded;
  private final Class<?>[] unguarded;
  /** Null when the value holds none of the containers with a tight check. */
  private final Containers containers;
  // the other watched objects, in parallel arrays of exactly their length; snapshot w is
  // refs[refStart[w] .. refStart[w + 1]) and prims[primStart[w] ..], its layout given by kind[w]
  // (and by info[w] for fields)
  private final int watchedCount;
  private final Object[] watched;
  private final byte[] kind;
  private final int[] node;
  private final ClassInfo[] info;
  private final int[] refStart;
  private final int[] primStart;
  private final Object[] refs;
  private final long[] prims;
  /** Set by the taker before the snapshot is published: see {@link #holdsPersistent()}. */
  boolean persistent;

  /**
   * From the walk's arrays, which it may keep at any capacity: an entry keeps only what a check
   * reads, each array cut to its length, the containers with a tight check moved to
   * {@link Containers}.
   */
  Snapshot(Paths paths, Guarded[] guarded, Class<?>[] unguarded, int count, Object[] watched,
      byte[] kind, int[] node, ClassInfo[] info, int[] refStart, int[] primStart, Object[] refs,
      long[] prims) {
    this.guarded = guarded;
    this.unguarded = unguarded;
    byte[] group = new byte[count];
    int[] refCount = new int[Containers.GROUPS];
    int[] containerCount = new int[Containers.GROUPS];
    int restPrims = 0;
    int mapEntries = 0;
    int lastNode = -1;
    for (int w = 0; w < count; w++) {
      byte g = Containers.group(watched[w], kind[w], refStart[w + 1] - refStart[w]);
      group[w] = g;
      containerCount[g]++;
      refCount[g] += refStart[w + 1] - refStart[w];
      if (g == Containers.TABLE && watched[w].getClass() == HashMap.class) {
        mapEntries += (refStart[w + 1] - refStart[w]) / 2;
      }
      if (g == Containers.NONE) {
        restPrims += primStart[w + 1] - primStart[w];
      }
      lastNode = Math.max(lastNode, node[w]);
    }
    this.paths = count == 0 ? null : paths.trim(lastNode + 1);
    int rest = containerCount[Containers.NONE];
    this.containers = rest + containerCount[Containers.NOTHING] == count ? null
        : new Containers(containerCount, refCount, mapEntries);
    this.watchedCount = rest;
    this.watched = rest == 0 ? NO_OBJECTS : new Object[rest];
    this.kind = rest == 0 ? NO_BYTES : new byte[rest];
    this.node = rest == 0 ? NO_INTS : new int[rest];
    this.info = rest == 0 ? NO_INFO : new ClassInfo[rest];
    this.refStart = rest == 0 ? NO_START : new int[rest + 1];
    this.primStart = rest == 0 ? NO_START : new int[rest + 1];
    this.refs = refCount[Containers.NONE] == 0 ? NO_OBJECTS : new Object[refCount[Containers.NONE]];
    this.prims = restPrims == 0 ? NO_LONGS : new long[restPrims];
    int v = 0;
    int r = 0;
    int p = 0;
    for (int w = 0; w < count; w++) {
      int from = refStart[w];
      int to = refStart[w + 1];
      if (group[w] == Containers.NOTHING) {
        continue;
      }
      if (group[w] != Containers.NONE) {
        containers.add(group[w], watched[w], node[w], refs, from, to);
        continue;
      }
      this.watched[v] = watched[w];
      this.kind[v] = kind[w];
      this.node[v] = node[w];
      this.info[v] = info[w];
      this.refStart[v] = r;
      this.primStart[v] = p;
      System.arraycopy(refs, from, this.refs, r, to - from);
      r += to - from;
      int primCount = primStart[w + 1] - primStart[w];
      System.arraycopy(prims, primStart[w], this.prims, p, primCount);
      p += primCount;
      v++;
    }
    if (rest > 0) {
      this.refStart[rest] = r;
      this.primStart[rest] = p;
    }
  }

  /**
   * True when the value holds an object of a JPA persistence context (an entity, a Hibernate proxy
   * or lazy collection): it must not be served into another persistence context.
   */
  public boolean holdsPersistent() {
    return persistent;
  }

  /** Number of Guarded instances reachable from the root, each counted once. */
  public int guardedCount() {
    return guarded.length;
  }

  /** The i-th Guarded instance, to be tracked by the caller via Guarded.$memoguard$setTracker. */
  public Guarded guarded(int i) {
    return guarded[i];
  }

  /**
   * The distinct application classes (outside the JDK) whose instances in this value are watched
   * by snapshot because they carry no write barrier: classes outside guard.packages, and the plain
   * superclasses of guarded classes whose fields are watched. A write to them is found at the next
   * hit, not at the write. A new array each call, in the order first met.
   */
  public Class<?>[] unguardedClasses() {
    return unguarded.clone();
  }

  /** Number of snapshots that {@link #check()} compares. */
  public int watchedCount() {
    return watchedCount + (containers == null ? 0
        : containers.emptyLists.length + containers.emptyTables.length + containers.lists.length
            + containers.arrays.length + containers.tables.length);
  }

  /** True when the graph holds at least one watched object, so a hit must call {@link #check()}. */
  public boolean needsCheck() {
    return watchedCount > 0 || containers != null;
  }

  /**
   * Compares every watched object with its snapshot. Returns null when nothing changed, without
   * allocating; otherwise the path of the first change inside the value, such as
   * "Mortgage.product.tags[2]", "Mortgage.product.tags (size 3 -> 2)" or "Mortgage.startDate".
   * Never throws (except a {@link VirtualMachineError}): a collection that fails while being
   * iterated because another thread modifies it counts as changed.
   */
  public String check() {
    Containers c = containers;
    if (c != null) {
      boolean unchanged;
      try {
        unchanged = c.unchanged();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable t) {
        unchanged = false;
      }
      if (!unchanged) {
        return firstChange(c);
      }
    }
    for (int w = 0; w < watchedCount; w++) {
      String change = checkSafely(w);
      if (change != null) {
        return change;
      }
    }
    return null;
  }

  private String checkSafely(int w) {
    try {
      return checkAt(w);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      return describe(w, " (modified while being verified)");
    }
  }

  /**
   * When a container may have changed: the first change in the order of the walk (the smallest
   * node) among the other watched objects and each group of containers, each compared by the
   * generic check; null when none changed after all.
   */
  private String firstChange(Containers c) {
    String first = null;
    int firstNode = Integer.MAX_VALUE;
    for (int w = 0; w < watchedCount && first == null; w++) {
      first = checkSafely(w);
      if (first != null) {
        firstNode = node[w];
      }
    }
    Object[][] empty = {c.emptyLists, c.emptyTables};
    int[][] emptyNode = {c.emptyListNode, c.emptyTableNode};
    for (int g = 0; g < empty.length; g++) {
      for (int i = 0; i < empty[g].length && emptyNode[g][i] < firstNode; i++) {
        Object o = empty[g][i];
        String change = checkContainer(emptyNode[g][i], o, o instanceof Map, NO_OBJECTS, 0, 0);
        if (change != null) {
          first = change;
          firstNode = emptyNode[g][i];
        }
      }
    }
    for (int i = 0, at = 0; i < c.lists.length && c.listNode[i] < firstNode; i++) {
      int n = c.listSize[i];
      String change = checkContainer(c.listNode[i], c.lists[i], false, c.listRefs, at, at + n);
      if (change != null) {
        first = change;
        firstNode = c.listNode[i];
      }
      at += n;
    }
    for (int i = 0, at = 0; i < c.arrays.length && c.arrayNode[i] < firstNode; i++) {
      String change = checkArray(c.arrayNode[i], c.arrays[i], c.arrayRefs, at);
      if (change != null) {
        first = change;
        firstNode = c.arrayNode[i];
      }
      at += c.arrays[i].length;
    }
    for (int i = 0, at = 0; i < c.tables.length && c.tableNode[i] < firstNode; i++) {
      int n = c.tableRefCount[i];
      Object o = c.tables[i];
      String change = checkContainer(c.tableNode[i], o, o instanceof Map, c.tableRefs, at, at + n);
      if (change != null) {
        first = change;
        firstNode = c.tableNode[i];
      }
      at += n;
    }
    return first;
  }

  private String checkContainer(int n, Object o, boolean map, Object[] expected, int from, int to) {
    try {
      return checkContents(n, o, map, expected, from, to);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      return name(n, " (modified while being verified)");
    }
  }

  private String checkArray(int n, Object[] a, Object[] expected, int from) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != expected[from + i]) {
        return name(n, "[" + i + "]");
      }
    }
    return null;
  }

  private String checkAt(int w) throws Throwable {
    Object o = watched[w];
    int r = refStart[w];
    int p = primStart[w];
    switch (kind[w]) {
      case ClassInfo.PLAIN:
        return checkFields(w, o, info[w], r, p);
      case ClassInfo.COLLECTION:
      case ClassInfo.MAP:
        return checkContents(node[w], o, kind[w] == ClassInfo.MAP, refs, r, refStart[w + 1]);
      case ClassInfo.ENTRY: {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        return e.getKey() != refs[r] ? describe(w, ".key")
            : e.getValue() != refs[r + 1] ? describe(w, ".value") : null;
      }
      case ClassInfo.OBJECT_ARRAY: // in Containers; here for a snapshot built otherwise
        return checkArray(node[w], (Object[]) o, refs, r);
      case ClassInfo.PRIMITIVE_ARRAY: {
        Object copy = refs[r];
        if (copy == null) {
          return PrimitiveArrays.hash(o) == prims[p] ? null : describe(w, " (contents changed)");
        }
        int i = PrimitiveArrays.mismatch(o, copy);
        return i < 0 ? null : describe(w, "[" + i + "]");
      }
      case ClassInfo.DATE:
        return ((Date) o).getTime() == prims[p] ? null : describe(w, "");
      case ClassInfo.TIMESTAMP:
        return ((Date) o).getTime() == prims[p] && (int) info[w].nanos.invokeExact(o) == prims[p + 1]
            ? null : describe(w, "");
      case ClassInfo.CALENDAR: {
        Calendar c = (Calendar) o;
        return c.getTimeInMillis() == prims[p] && JdkValues.calendarRules(c) == prims[p + 1]
            && JdkValues.sameZone(c.getTimeZone(), refs[r]) ? null : describe(w, "");
      }
      case ClassInfo.CHARS:
        return checkChars(w, (CharSequence) o, (String) refs[r]);
      case ClassInfo.ATOMIC:
        return JdkValues.atomicBits(o) == prims[p] ? null : describe(w, "");
      case ClassInfo.ATOMIC_REF:
        return JdkValues.referent(o) == refs[r] && JdkValues.atomicBits(o) == prims[p]
            ? null : describe(w, "");
      case ClassInfo.ATOMIC_ARRAY:
        for (int i = 0, n = primStart[w + 1] - p; i < n; i++) {
          if (JdkValues.atomicElement(o, i) != prims[p + i]) {
            return describe(w, "[" + i + "]");
          }
        }
        return null;
      case ClassInfo.ATOMIC_REF_ARRAY: {
        AtomicReferenceArray<?> a = (AtomicReferenceArray<?>) o;
        for (int i = 0, n = refStart[w + 1] - r; i < n; i++) {
          if (a.get(i) != refs[r + i]) {
            return describe(w, "[" + i + "]");
          }
        }
        return null;
      }
      case ClassInfo.BITSET:
        return checkBits(w, (BitSet) o, (long[]) refs[r], prims[p]);
      default:
        return null;
    }
  }

  /** Same length and characters, compared in place: String.contentEquals copies nothing. */
  private String checkChars(int w, CharSequence now, String before) {
    if (before.contentEquals(now)) {
      return null;
    }
    String after = now.toString();
    if (after.length() != before.length()) {
      return describe(w, " (length " + before.length() + " -> " + after.length() + ")");
    }
    int i = 0;
    while (i < after.length() && after.charAt(i) == before.charAt(i)) {
      i++;
    }
    return describe(w, "[" + i + "]");
  }

  /** Same number of set bits, each of them set before: the same set, without copying it. */
  private String checkBits(int w, BitSet now, long[] before, long cardinality) {
    boolean same = now.cardinality() == cardinality;
    for (int i = now.nextSetBit(0); same && i >= 0; i = now.nextSetBit(i + 1)) {
      same = (i >> 6) < before.length && (before[i >> 6] & (1L << i)) != 0;
    }
    if (same) {
      return null;
    }
    long[] after = now.toLongArray();
    int n = Math.max(after.length, before.length);
    for (int word = 0; word < n; word++) {
      long diff = (word < after.length ? after[word] : 0) ^ (word < before.length ? before[word] : 0);
      if (diff != 0) {
        return describe(w, " (bit " + (word * 64 + Long.numberOfTrailingZeros(diff)) + ")");
      }
    }
    return describe(w, "");
  }

  private String checkFields(int w, Object o, ClassInfo c, int r, int p)
      throws IllegalAccessException {
    Field[] f = c.refFields;
    for (int i = 0; i < c.watchedRefs; i++) {
      if (f[i].get(o) != refs[r + i]) {
        return describe(w, "." + f[i].getName());
      }
    }
    for (int i = 0; i < c.primFields.length; i++) {
      if (c.prim(i, o) != prims[p + i]) {
        return describe(w, "." + c.primFields[i].getName());
      }
    }
    return null;
  }

  /** The generic check of a collection or map, through its forEach; names the first change. */
  private String checkContents(int n, Object o, boolean map, Object[] expected, int r, int end) {
    Checker c = CHECKER.get();
    c.start(expected, r, end);
    try {
      if (map) {
        ((Map<?, ?>) o).forEach(c);
      } else {
        ((Collection<?>) o).forEach(c);
      }
    } finally {
      c.expected = null; // the thread-local must not keep the value alive
    }
    int slots = map ? 2 : 1;
    int before = (end - r) / slots;
    int after = (c.position - r) / slots;
    if (before != after) {
      return name(n, " (size " + before + " -> " + after + ")");
    }
    if (c.firstDiff < 0) {
      return null;
    }
    int i = c.firstDiff / slots;
    if (!map) {
      return name(n, "[" + i + "]");
    }
    return c.firstDiff % 2 == 0 ? name(n, " (key #" + i + " replaced)")
        : name(n, "[" + Paths.value(expected[r + 2 * i], i) + "]");
  }

  private String describe(int w, String suffix) {
    return name(node[w], suffix);
  }

  /** The path of a node and what changed there; never throws. */
  private String name(int n, String suffix) {
    try {
      return paths.of(n) + suffix;
    } catch (RuntimeException e) {
      return "?" + suffix;
    }
  }

  /**
   * Receives the elements of a collection (or key, value pairs of a map) from its forEach and
   * compares them with the snapshot. One per thread, so that a check allocates nothing.
   */
  private static final class Checker implements Consumer<Object>, BiConsumer<Object, Object> {
    Object[] expected;
    int start;
    int end;
    int position;
    int firstDiff;

    void start(Object[] expected, int start, int end) {
      this.expected = expected;
      this.start = start;
      this.end = end;
      this.position = start;
      this.firstDiff = -1;
    }

    @Override
    public void accept(Object e) {
      if (firstDiff < 0 && (position >= end || expected[position] != e)) {
        firstDiff = position - start;
      }
      position++;
    }

    @Override
    public void accept(Object key, Object value) {
      accept(key);
      accept(value);
    }
  }
}
