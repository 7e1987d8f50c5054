package io.memoguard.runtime.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Finds everything reachable from a value that is about to be memoized: the {@link Guarded}
 * instances, whose write barriers report their own mutations, and everything else, which can only
 * be checked by comparing it with the snapshot taken here (see {@link Snapshot#check()}).
 *
 * <p>The walk reads fields reflectively and iterates only JDK collections whose iteration runs JDK
 * code; it never calls a method of an application class (no equals, hashCode, toString, getter or
 * iterator), so it cannot trigger lazy loading. It is breadth-first over an explicit queue: deep
 * graphs cannot overflow the stack, and the path recorded to each object is a shortest one.
 *
 * <p>Which classes are followed, snapshotted or left alone is decided in {@code ClassInfo}.
 */
public final class SnapshotTaker {
  private static final Overflow OVERFLOW = new Overflow();
  private static final Class<?>[] NO_CLASSES = {};
  /** Unwinds the walk at a value that cannot be served twice. */
  private static final Overflow CONSUMED = new Overflow();

  private final int maxObjects;
  private final IdentitySet seen = new IdentitySet();
  private final Paths paths = new Paths();

  // objects that have something to follow or to watch, in the order found; node n is queue[n]
  private Object[] queue = new Object[16];
  private ClassInfo[] queueInfo = new ClassInfo[16];
  private int nodes;

  private Guarded[] guarded = new Guarded[8];
  private int guardedCount;

  // distinct application classes watched because they carry no barrier
  private Class<?>[] unguarded = new Class<?>[4];
  private int unguardedCount;
  private ClassInfo lastUnguarded;

  // watched objects; snapshot i is refs[refStart[i] .. refStart[i + 1]) and likewise in prims
  private Object[] watched = new Object[16];
  private byte[] watchedKind = new byte[16];
  private int[] watchedNode = new int[16];
  private ClassInfo[] watchedInfo = new ClassInfo[16];
  private int[] refStart = new int[17];
  private int[] primStart = new int[17];
  private int watchedCount;
  private Object[] refs = new Object[64];
  private int refCount;
  private long[] prims = new long[16];
  private int primCount;

  // the collection or map whose forEach is calling the sinks
  private int container;
  private int position;
  private final Consumer<Object> elementSink = this::element;
  private final BiConsumer<Object, Object> entrySink = this::entry;

  /** Whether an object of a persistence context was met ({@link Snapshot#holdsPersistent()}). */
  private boolean persistent;

  /** Null except when walking a value to store. */
  private final Footprint footprint;

  private SnapshotTaker(int maxObjects, Footprint footprint) {
    this.maxObjects = maxObjects;
    this.footprint = footprint;
  }

  /**
   * Walks the graph reachable from root. Returns null when more than maxObjects distinct objects
   * are reachable (the value is then not memoized), and also when the graph cannot be walked (a
   * JDK collection modified during the walk): the caller then simply does not memoize. Throws
   * nothing except a {@link VirtualMachineError}.
   */
  public static Snapshot take(Object root, int maxObjects) {
    return take(root, maxObjects, null);
  }

  /**
   * As {@link #walk(Object, int)}; also null when the value holds a cursor, a resource or opaque
   * JDK state, which is then named in {@code footprint}, as is the estimated size of the value.
   */
  public static Snapshot take(Object root, int maxObjects, Footprint footprint) {
    try {
      return new SnapshotTaker(maxObjects, footprint).run(root);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      return null; // includes OVERFLOW and CONSUMED
    }
  }

  private Snapshot run(Object root) throws Throwable {
    paths.root(root == null ? null : root.getClass());
    discover(root, -1, Paths.ROOT, 0, null);
    for (int n = 0; n < nodes; n++) {
      process(n);
    }
    refStart[watchedCount] = refCount; // one slot longer than watched: always fits
    primStart[watchedCount] = primCount;
    // the snapshot keeps its own copies, cut to length: the walk's arrays have room to grow
    Snapshot snapshot = new Snapshot(paths, Arrays.copyOf(guarded, guardedCount),
        unguardedCount == 0 ? NO_CLASSES : Arrays.copyOf(unguarded, unguardedCount), watchedCount,
        watched, watchedKind, watchedNode, watchedInfo, refStart, primStart, refs, prims);
    snapshot.persistent = persistent;
    return snapshot;
  }

  private void discover(Object o, int parent, byte edge, int index, Object label) {
    if (o == null || !seen.add(o)) {
      return;
    }
    if (seen.size > maxObjects) {
      throw OVERFLOW;
    }
    ClassInfo info = ClassInfo.of(o.getClass());
    if (info.kind == ClassInfo.CONSUMABLE) {
      if (footprint != null) {
        footprint.consumable = o.getClass();
      }
      throw CONSUMED;
    }
    if (footprint != null) {
      footprint.add(o, info);
    }
    persistent |= info.persistent;
    if (info.kind == ClassInfo.LEAF) {
      return;
    }
    int node = paths.add(parent, edge, index, label);
    if (node == queue.length) {
      queue = Arrays.copyOf(queue, node * 2);
      queueInfo = Arrays.copyOf(queueInfo, node * 2);
    }
    queue[node] = o;
    queueInfo[node] = info;
    nodes++;
  }

  private void process(int node) throws Throwable {
    Object o = queue[node];
    ClassInfo info = queueInfo[node];
    switch (info.kind) {
      case ClassInfo.GUARDED:
        if (guardedCount == guarded.length) {
          guarded = Arrays.copyOf(guarded, guardedCount * 2);
        }
        guarded[guardedCount++] = (Guarded) o;
        unguarded(info);
        fields(o, info, node, Paths.FIELD);
        contents(o, info.contents, node);
        break;
      case ClassInfo.PLAIN:
        unguarded(info);
        fields(o, info, node, Paths.FIELD);
        contents(o, info.contents, node);
        break;
      case ClassInfo.WRAPPER:
        fields(o, info, node, Paths.TRANSPARENT);
        break;
      case ClassInfo.COLLECTION:
      case ClassInfo.MAP:
        contents(o, info.kind, node);
        break;
      case ClassInfo.ENTRY: {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        Object key = e.getKey();
        Object value = e.getValue();
        watch(o, node, ClassInfo.ENTRY, info);
        addRef(key);
        addRef(value);
        discover(key, node, Paths.FIELD, 0, "key");
        discover(value, node, Paths.FIELD, 1, "value");
        break;
      }
      case ClassInfo.OBJECT_ARRAY: {
        Object[] a = (Object[]) o;
        watch(o, node, ClassInfo.OBJECT_ARRAY, info);
        for (int i = 0; i < a.length; i++) {
          Object e = a[i];
          addRef(e);
          discover(e, node, Paths.INDEX, i, null);
        }
        break;
      }
      case ClassInfo.PRIMITIVE_ARRAY: {
        watch(o, node, ClassInfo.PRIMITIVE_ARRAY, info);
        boolean small = Array.getLength(o) <= ClassInfo.ARRAY_COPY_LIMIT;
        addRef(small ? PrimitiveArrays.copy(o) : null);
        addPrim(small ? 0 : PrimitiveArrays.hash(o));
        break;
      }
      case ClassInfo.DATE:
        watch(o, node, ClassInfo.DATE, info);
        addPrim(((Date) o).getTime());
        break;
      case ClassInfo.TIMESTAMP:
        watch(o, node, ClassInfo.TIMESTAMP, info);
        addPrim(((Date) o).getTime());
        addPrim((int) info.nanos.invokeExact(o));
        break;
      case ClassInfo.CALENDAR: {
        Calendar c = (Calendar) o;
        watch(o, node, ClassInfo.CALENDAR, info);
        // first: unshares the zone, so that later calls return this same instance
        addRef(c.getTimeZone());
        addPrim(c.getTimeInMillis());
        addPrim(JdkValues.calendarRules(c));
        break;
      }
      case ClassInfo.CHARS:
        watch(o, node, ClassInfo.CHARS, info);
        addRef(o.toString()); // StringBuilder/StringBuffer: final JDK classes
        break;
      case ClassInfo.ATOMIC:
        watch(o, node, ClassInfo.ATOMIC, info);
        addPrim(JdkValues.atomicBits(o));
        break;
      case ClassInfo.ATOMIC_REF: {
        Object referent = JdkValues.referent(o);
        watch(o, node, ClassInfo.ATOMIC_REF, info);
        addRef(referent);
        addPrim(JdkValues.atomicBits(o));
        discover(referent, node, Paths.TRANSPARENT, 0, null);
        break;
      }
      case ClassInfo.ATOMIC_ARRAY: {
        watch(o, node, ClassInfo.ATOMIC_ARRAY, info);
        for (int i = 0, n = JdkValues.atomicLength(o); i < n; i++) {
          addPrim(JdkValues.atomicElement(o, i));
        }
        break;
      }
      case ClassInfo.ATOMIC_REF_ARRAY: {
        AtomicReferenceArray<?> a = (AtomicReferenceArray<?>) o;
        watch(o, node, ClassInfo.ATOMIC_REF_ARRAY, info);
        for (int i = 0, n = a.length(); i < n; i++) {
          Object e = a.get(i);
          addRef(e);
          discover(e, node, Paths.INDEX, i, null);
        }
        break;
      }
      case ClassInfo.BITSET: {
        BitSet b = (BitSet) o;
        watch(o, node, ClassInfo.BITSET, info);
        addRef(b.toLongArray());
        addPrim(b.cardinality());
        break;
      }
      case ClassInfo.OPTIONAL:
        discover(((Optional<?>) o).orElse(null), node, Paths.TRANSPARENT, 0, null);
        break;
      default:
        break;
    }
  }

  private void unguarded(ClassInfo info) {
    Class<?>[] classes = info.unguarded;
    if (classes.length == 0 || info == lastUnguarded) {
      return;
    }
    lastUnguarded = info;
    next:
    for (Class<?> c : classes) {
      for (int i = 0; i < unguardedCount; i++) {
        if (unguarded[i] == c) {
          continue next;
        }
      }
      if (unguardedCount == unguarded.length) {
        unguarded = Arrays.copyOf(unguarded, unguardedCount * 2);
      }
      unguarded[unguardedCount++] = c;
    }
  }

  private void fields(Object o, ClassInfo info, int node, byte edge) throws IllegalAccessException {
    if (info.watchesFields()) {
      watch(o, node, ClassInfo.PLAIN, info);
    }
    Field[] f = info.refFields;
    for (int i = 0; i < f.length; i++) {
      Object value = f[i].get(o);
      if (i < info.watchedRefs) {
        addRef(value);
      }
      discover(value, node, edge, i, f[i].getName());
    }
    for (int i = 0; i < info.primFields.length; i++) {
      addPrim(info.prim(i, o));
    }
  }

  /** Elements of a collection or map, through its own forEach: JDK code that calls only us. */
  private void contents(Object o, byte kind, int node) {
    if (kind != ClassInfo.COLLECTION && kind != ClassInfo.MAP) {
      return;
    }
    watch(o, node, kind, null);
    container = node;
    position = 0;
    if (kind == ClassInfo.COLLECTION) {
      ((Collection<?>) o).forEach(elementSink);
    } else {
      ((Map<?, ?>) o).forEach(entrySink);
    }
  }

  private void element(Object e) {
    addRef(e);
    discover(e, container, Paths.INDEX, position++, null);
  }

  private void entry(Object key, Object value) {
    addRef(key);
    addRef(value);
    discover(key, container, Paths.KEY, position, null);
    discover(value, container, Paths.VALUE, position, key);
    position++;
  }

  private void watch(Object o, int node, byte kind, ClassInfo info) {
    if (watchedCount == watched.length) {
      growWatched();
    }
    watched[watchedCount] = o;
    watchedKind[watchedCount] = kind;
    watchedNode[watchedCount] = node;
    watchedInfo[watchedCount] = info;
    refStart[watchedCount] = refCount;
    primStart[watchedCount] = primCount;
    watchedCount++;
  }

  private void growWatched() {
    int n = watchedCount * 2;
    watched = Arrays.copyOf(watched, n);
    watchedKind = Arrays.copyOf(watchedKind, n);
    watchedNode = Arrays.copyOf(watchedNode, n);
    watchedInfo = Arrays.copyOf(watchedInfo, n);
    refStart = Arrays.copyOf(refStart, n + 1);
    primStart = Arrays.copyOf(primStart, n + 1);
  }

  private void addRef(Object o) {
    if (refCount == refs.length) {
      refs = Arrays.copyOf(refs, refCount * 2);
    }
    refs[refCount++] = o;
  }

  private void addPrim(long bits) {
    if (primCount == prims.length) {
      prims = Arrays.copyOf(prims, primCount * 2);
    }
    prims[primCount++] = bits;
  }

  /** Unwinds the walk, also out of a JDK forEach, as soon as the cap is exceeded. */
  private static final class Overflow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Overflow() {
      super(null, null, false, false);
    }
  }
}
