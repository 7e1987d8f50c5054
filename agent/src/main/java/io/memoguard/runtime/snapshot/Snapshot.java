package io.memoguard.runtime.snapshot;

import java.lang.reflect.Field;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
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

  private final Paths paths;
  private final Guarded[] guarded;
  private final Class<?>[] unguarded;
  // parallel arrays, valid up to watchedCount; snapshot w is refs[refStart[w] .. refStart[w + 1])
  // and prims[primStart[w] ..], its layout given by kind[w] (and by info[w] for fields)
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

  Snapshot(Paths paths, Guarded[] guarded, Class<?>[] unguarded, int watchedCount, Object[] watched, byte[] kind, int[] node,
      ClassInfo[] info, int[] refStart, int[] primStart, Object[] refs, long[] prims) {
    this.paths = paths;
    this.guarded = guarded;
    this.unguarded = unguarded;
    this.watchedCount = watchedCount;
    this.watched = watched;
    this.kind = kind;
    this.node = node;
    this.info = info;
    this.refStart = refStart;
    this.primStart = primStart;
    this.refs = refs;
    this.prims = prims;
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
    return watchedCount;
  }

  /** True when the graph holds at least one watched object, so a hit must call {@link #check()}. */
  public boolean needsCheck() {
    return watchedCount > 0;
  }

  /**
   * Compares every watched object with its snapshot. Returns null when nothing changed, without
   * allocating; otherwise the path of the first change inside the value, such as
   * "Mortgage.product.tags[2]", "Mortgage.product.tags (size 3 -> 2)" or "Mortgage.startDate".
   * Never throws (except a {@link VirtualMachineError}): a collection that fails while being
   * iterated because another thread modifies it counts as changed.
   */
  public String check() {
    for (int w = 0; w < watchedCount; w++) {
      String change;
      try {
        change = checkAt(w);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable t) {
        change = describe(w, " (modified while being verified)");
      }
      if (change != null) {
        return change;
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
        return checkContents(w, o, kind[w] == ClassInfo.MAP, r, refStart[w + 1]);
      case ClassInfo.ENTRY: {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        return e.getKey() != refs[r] ? describe(w, ".key")
            : e.getValue() != refs[r + 1] ? describe(w, ".value") : null;
      }
      case ClassInfo.OBJECT_ARRAY: {
        Object[] a = (Object[]) o;
        for (int i = 0; i < a.length; i++) {
          if (a[i] != refs[r + i]) {
            return describe(w, "[" + i + "]");
          }
        }
        return null;
      }
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

  private String checkContents(int w, Object o, boolean map, int r, int end) {
    if (ContainerChecks.unchanged(o, map, refs, r, end)) {
      return null;
    }
    Checker c = CHECKER.get();
    c.start(refs, r, end);
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
      return describe(w, " (size " + before + " -> " + after + ")");
    }
    if (c.firstDiff < 0) {
      return null;
    }
    int i = c.firstDiff / slots;
    if (!map) {
      return describe(w, "[" + i + "]");
    }
    return c.firstDiff % 2 == 0 ? describe(w, " (key #" + i + " replaced)")
        : describe(w, "[" + Paths.value(refs[r + 2 * i], i) + "]");
  }

  private String describe(int w, String suffix) {
    try {
      return paths.of(node[w]) + suffix;
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
