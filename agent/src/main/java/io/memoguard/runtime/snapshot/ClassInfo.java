package io.memoguard.runtime.snapshot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicStampedReference;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How {@link SnapshotTaker} treats the instances of one class, computed once per class. Cached in a
 * {@link ClassValue} so that the cache lives and dies with the class (no class loader leaks from
 * the bootstrap class path).
 *
 * <p>Each snapshot kind below is handled in three switches besides its classification here: at
 * store in {@code SnapshotTaker.process} (what is followed and what is snapshotted), at a hit in
 * {@code Snapshot.check} (the snapshot compared with the object now) and in verify mode in
 * {@code StructuralDiff.compare} (a memoized value compared with a fresh one). The state of the
 * mutable JDK values is read in {@link JdkValues} for all three. LEAF, GUARDED, WRAPPER, OPTIONAL
 * and CONSUMABLE take no snapshot of their own, so {@code Snapshot.check} has no case for them;
 * CONSUMABLE never reaches a graph. Adding a kind means a case in each switch and a sample in
 * {@code SnapshotKindsTest}, which fails for a kind that has none.
 */
final class ClassInfo {
  /** Neither followed nor watched: immutable, or a JDK object we cannot inspect without running its code. */
  static final byte LEAF = 0;
  static final byte GUARDED = 1;
  /** Application object without barriers: fields followed, non-final fields snapshotted. */
  static final byte PLAIN = 2;
  /** JDK view or wrapper: seen through its fields, when the JDK lets us read them. */
  static final byte WRAPPER = 3;
  static final byte COLLECTION = 4;
  static final byte MAP = 5;
  static final byte ENTRY = 6;
  static final byte OBJECT_ARRAY = 7;
  static final byte PRIMITIVE_ARRAY = 8;
  static final byte DATE = 9;
  static final byte TIMESTAMP = 10;
  static final byte CALENDAR = 11;
  static final byte OPTIONAL = 12;
  /** StringBuilder, StringBuffer: the content, as a String. */
  static final byte CHARS = 13;
  /** AtomicInteger, AtomicLong, AtomicBoolean, LongAdder, DoubleAdder, Long/DoubleAccumulator. */
  static final byte ATOMIC = 14;
  /** AtomicReference, AtomicStampedReference, AtomicMarkableReference: referent followed too. */
  static final byte ATOMIC_REF = 15;
  /** AtomicIntegerArray, AtomicLongArray: the elements' bits. */
  static final byte ATOMIC_ARRAY = 16;
  /** AtomicReferenceArray: the elements, followed too. */
  static final byte ATOMIC_REF_ARRAY = 17;
  static final byte BITSET = 18;
  /** A cursor, resource or opaque JDK state ({@link Consumables}): the value is not memoized. */
  static final byte CONSUMABLE = 19;

  /** Primitive arrays up to this length are copied; longer ones are only hashed, to bound memory. */
  static final int ARRAY_COPY_LIMIT = 4096;

  private static final ClassInfo LEAF_INFO = new ClassInfo(LEAF);
  private static final ClassInfo CONSUMABLE_INFO = new ClassInfo(CONSUMABLE);
  /** Replaced when {@link BarrierTrust} is lost, so that no earlier answer survives. */
  private static volatile ClassValue<ClassInfo> cache = newCache();

  final byte kind;
  /** COLLECTION or MAP when an application subclass of a JDK collection can be iterated safely. */
  final byte contents;
  /** Reference fields to follow; the first {@link #watchedRefs} of them are also snapshotted. */
  final Field[] refFields;
  final int watchedRefs;
  /** Non-final primitive fields, snapshotted. */
  final Field[] primFields;
  /** 'J', 'Z', 'F', 'D', or 'I' for int, short, char and byte. */
  final char[] primTypes;
  /** Timestamp.getNanos as (Object)int; java.sql is not visible from the bootstrap class path. */
  final MethodHandle nanos;
  /**
   * The application classes outside the guarded packages whose fields this class's instances have
   * watched (the class itself, or the plain superclasses of a guarded class); empty for the rest.
   */
  final Class<?>[] unguarded;
  /** Instances belong to a JPA persistence context ({@link PersistenceManaged}). */
  boolean persistent;

  private static final Class<?>[] NO_CLASSES = new Class<?>[0];

  private ClassInfo(byte kind) {
    this(kind, LEAF, new Field[0], 0, new Field[0], null, NO_CLASSES);
  }

  private ClassInfo(byte kind, MethodHandle nanos) {
    this(kind, LEAF, new Field[0], 0, new Field[0], nanos, NO_CLASSES);
  }

  private ClassInfo(
      byte kind, byte contents, Field[] refFields, int watchedRefs, Field[] primFields,
      MethodHandle nanos, Class<?>[] unguarded) {
    this.kind = kind;
    this.contents = contents;
    this.refFields = refFields;
    this.watchedRefs = watchedRefs;
    this.primFields = primFields;
    this.primTypes = new char[primFields.length];
    for (int i = 0; i < primFields.length; i++) {
      Class<?> t = primFields[i].getType();
      primTypes[i] = t == long.class ? 'J' : t == boolean.class ? 'Z'
          : t == float.class ? 'F' : t == double.class ? 'D' : 'I';
    }
    this.nanos = nanos;
    this.unguarded = unguarded;
  }

  static ClassInfo of(Class<?> c) {
    return cache.get(c);
  }

  private static ClassValue<ClassInfo> newCache() {
    return new ClassValue<>() {
      @Override
      protected ClassInfo computeValue(Class<?> c) {
        try {
          return compute(c);
        } catch (RuntimeException | LinkageError e) {
          // a class whose state cannot be read cannot be checked: its values are not memoized
          return CONSUMABLE_INFO;
        }
      }
    };
  }

  static void clearCache() {
    cache = newCache();
  }

  /** True when some fields of the instances are snapshotted. */
  boolean watchesFields() {
    return watchedRefs > 0 || primFields.length > 0;
  }

  /** The bits of primitive field i of o. */
  long prim(int i, Object o) throws IllegalAccessException {
    Field f = primFields[i];
    switch (primTypes[i]) {
      case 'J': return f.getLong(o);
      case 'Z': return f.getBoolean(o) ? 1 : 0;
      case 'F': return Float.floatToRawIntBits(f.getFloat(o));
      case 'D': return Double.doubleToRawLongBits(f.getDouble(o));
      default: return f.getInt(o);
    }
  }

  /**
   * The JDK's own classes: defined by the boot or platform loader in a module of the boot layer.
   * Decided by the loaded class, not its name: an application loader may define {@code javax.*}
   * or {@code com.sun.*} classes of its own, and those are walked like any application class.
   */
  static boolean isJdk(Class<?> type) {
    Module module = type.getModule();
    ClassLoader loader = type.getClassLoader();
    return module.isNamed() && module.getLayer() == ModuleLayer.boot()
        && (loader == null || loader == ClassLoader.getPlatformClassLoader());
  }

  private static ClassInfo compute(Class<?> c) {
    if (c.isArray()) {
      return new ClassInfo(c.getComponentType().isPrimitive() ? PRIMITIVE_ARRAY : OBJECT_ARRAY);
    }
    // enums are shared constants: whatever they hold is not part of one cached value
    if (Enum.class.isAssignableFrom(c)) {
      return LEAF_INFO;
    }
    if (Consumables.kindOf(c) != null) {
      return CONSUMABLE_INFO;
    }
    if (isJdk(c)) {
      return jdk(c);
    }
    ClassInfo info = withFields(c, Guarded.class.isAssignableFrom(c) ? GUARDED : PLAIN);
    if (info != LEAF_INFO && PersistenceManaged.is(c)) {
      info.persistent = true; // before the ClassValue publishes it
    }
    return info;
  }

  /**
   * The one place that decides what is looked into among JDK classes. Anything else is a leaf
   * when immutable (String, boxes, java.time, BigDecimal, UUID) and otherwise keeps its value from
   * being memoized ({@link Consumables}). The mutable JDK value types are read through their public
   * JDK API only.
   */
  private static ClassInfo jdk(Class<?> c) {
    String name = c.getName();
    if (c == Optional.class) {
      return new ClassInfo(OPTIONAL);
    }
    if (c == StringBuilder.class || c == StringBuffer.class) {
      return new ClassInfo(CHARS);
    }
    if (c == AtomicInteger.class || c == AtomicLong.class || c == AtomicBoolean.class
        || c == LongAdder.class || c == DoubleAdder.class || c == LongAccumulator.class
        || c == DoubleAccumulator.class) {
      return new ClassInfo(ATOMIC);
    }
    if (c == AtomicReference.class || c == AtomicStampedReference.class
        || c == AtomicMarkableReference.class) {
      return new ClassInfo(ATOMIC_REF);
    }
    if (c == AtomicIntegerArray.class || c == AtomicLongArray.class) {
      return new ClassInfo(ATOMIC_ARRAY);
    }
    if (c == AtomicReferenceArray.class) {
      return new ClassInfo(ATOMIC_REF_ARRAY);
    }
    if (c == BitSet.class) {
      return new ClassInfo(BITSET);
    }
    if (Date.class.isAssignableFrom(c)) {
      return date(c);
    }
    if (Calendar.class.isAssignableFrom(c)) {
      return new ClassInfo(CALENDAR);
    }
    boolean collection = Collection.class.isAssignableFrom(c);
    boolean map = Map.class.isAssignableFrom(c);
    boolean entry = Map.Entry.class.isAssignableFrom(c);
    if (!collection && !map && !entry) {
      return Consumables.opaqueJdkState(c) ? CONSUMABLE_INFO : LEAF_INFO;
    }
    if (JdkCollections.iterates(name)) {
      return new ClassInfo(collection ? COLLECTION : map ? MAP : ENTRY);
    }
    if (entry && JdkCollections.isEntry(name)) {
      return new ClassInfo(ENTRY);
    }
    if (name.startsWith("java.util.") && !name.startsWith("java.util.WeakHashMap")) {
      return withFields(c, WRAPPER);
    }
    return LEAF_INFO;
  }

  private static ClassInfo date(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      if (k.getName().equals("java.sql.Timestamp")) {
        try {
          MethodHandle getNanos = MethodHandles.publicLookup()
              .findVirtual(k, "getNanos", MethodType.methodType(int.class))
              .asType(MethodType.methodType(int.class, Object.class));
          return new ClassInfo(TIMESTAMP, getNanos);
        } catch (ReflectiveOperationException | RuntimeException e) {
          break;
        }
      }
    }
    return new ClassInfo(DATE);
  }

  /**
   * Hibernate's proxy interceptor and enhancement fields ({@code $$_hibernate_interceptor},
   * {@code $$_hibernate_entityEntryHolder}...) hold lazy-loading state, not the entity's value:
   * following them would report a legitimate lazy load as a mutation.
   */
  private static boolean isFrameworkState(Field f) {
    return f.getName().startsWith("$$_hibernate_");
  }

  /**
   * Fields of the class and its superclasses. For application classes the walk stops at the first
   * JDK superclass: its fields are not readable unless java.base is opened, and reading them only
   * when it is would make the result depend on JVM flags.
   */
  private static ClassInfo withFields(Class<?> c, byte kind) {
    List<Field> watchedRefs = new ArrayList<>();
    List<Field> otherRefs = new ArrayList<>();
    List<Field> prims = new ArrayList<>();
    List<Class<?>> unguarded = new ArrayList<>();
    Class<?> k = c;
    // A field's writes are all barriered only when its declaring class and every class between
    // it and c were rewritten as guarded: a write names the field through the static type of the
    // receiver (JdbcPet.name for Pet's field), and writes through a class outside guard.packages,
    // or through one whose transformation failed, carry no barrier. The object must be Guarded at
    // run time for the barrier to find its tracker at all.
    boolean barriers = kind == GUARDED && BarrierTrust.complete;
    for (; k != null && k != Object.class && (kind == WRAPPER || !isJdk(k));
        k = k.getSuperclass()) {
      Field[] declared = k.getDeclaredFields();
      boolean open = BarrierTrust.isOpen(k);
      barriers = barriers && BarrierTrust.marked(declared) && !open;
      for (Field f : declared) {
        int m = f.getModifiers();
        // transient: framework back-references (Hibernate's session) and lazily computed caches,
        // neither of which is part of the value
        if (Modifier.isTransient(m) && !Modifier.isStatic(m) && Consumables.isCursorType(f.getType())) {
          return CONSUMABLE_INFO;
        }
        // what an inner or anonymous class captured (val$x, this$0) is part of what it does
        if (Modifier.isStatic(m) || Modifier.isTransient(m)
            || f.isSynthetic() && !f.getName().startsWith("val$") && !f.getName().startsWith("this$")
            || f.getName().equals(Guarded.TRACKER_FIELD) || isFrameworkState(f)
            || !f.trySetAccessible()) {
          continue;
        }
        boolean watch = kind != WRAPPER && !barriers
            && (open || !Modifier.isFinal(m) || BarrierTrust.finalsUnseen());
        if (watch && kind != PLAIN && !unguarded.contains(k)) {
          unguarded.add(k);
        }
        if (f.getType().isPrimitive()) {
          if (watch) {
            prims.add(f);
          }
        } else {
          (watch ? watchedRefs : otherRefs).add(f);
        }
      }
    }
    byte contents = kind == WRAPPER ? LEAF : JdkCollections.iterableContents(c, k);
    if (kind != GUARDED && contents == LEAF && watchedRefs.isEmpty() && otherRefs.isEmpty()
        && prims.isEmpty()) {
      return LEAF_INFO;
    }
    int watched = watchedRefs.size();
    if (kind == PLAIN && (contents != LEAF || watched > 0 || !prims.isEmpty())) {
      unguarded.add(c);
    }
    watchedRefs.addAll(otherRefs);
    return new ClassInfo(kind, contents, watchedRefs.toArray(new Field[0]), watched,
        prims.toArray(new Field[0]), null, unguarded.toArray(NO_CLASSES));
  }
}
