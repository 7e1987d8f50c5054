package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.JdkCollections;
import io.memoguard.runtime.snapshot.StateFields;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an argument's class is for a key, decided once per class from the class itself (never from
 * a name another loader could define too: only the boot loader defines {@code java.*}). An
 * application class is read through its fields when all its state is in them ({@link StateFields}).
 * A JDK
 * collection is accepted only when iterating it runs JDK code alone, whatever it holds; a JDK
 * wrapper or view that could delegate to an application collection is read through its fields.
 */
final class ArgumentKinds {
  static final byte UNSUPPORTED = 0;
  /** Immutable JDK value, compared with its own (JDK) equals. */
  static final byte VALUE = 1;
  static final byte OBJECT_ARRAY = 2;
  static final byte PRIMITIVE_ARRAY = 3;
  static final byte OPTIONAL = 4;
  /** Iterated: a collection whose iteration order and elements are all it shows. */
  static final byte SEQUENCE = 5;
  /** Iterated, with its {@code comparator()} (PriorityQueue). */
  static final byte PRIORITY = 6;
  /** TreeSet, ConcurrentSkipListSet: iterated only when not a sub-set view (read from a field). */
  static final byte SORTED_SET = 7;
  /** Iterated as key, value pairs. */
  static final byte MAP = 8;
  /** TreeMap, ConcurrentSkipListMap: a map with its comparator. */
  static final byte SORTED_MAP = 9;
  /** LinkedHashMap: iteration order depends on its access-order flag too (read from a field). */
  static final byte LINKED_MAP = 10;
  /** A JDK map entry: key and value. */
  static final byte ENTRY = 11;
  /** {@code Collections.unmodifiable*}, {@code synchronized*}, {@code checked*}...: by fields. */
  static final byte FIELDS = 12;
  /** An application object (a record, a criteria or page request): its class and every field. */
  static final byte OBJECT = 13;
  /**
   * An {@link #OBJECT} whose fields are all primitives or of a final {@link #VALUE} type (a record
   * of ints and Strings): its field values are the key as they are, with no walk.
   */
  static final byte FLAT_OBJECT = 14;

  private static final Set<Class<?>> VALUES = Set.of(String.class, Integer.class, Long.class,
      Short.class, Byte.class, Character.class, Boolean.class, Double.class, Float.class,
      BigInteger.class, BigDecimal.class, UUID.class, Locale.class, Currency.class, URI.class,
      Class.class);

  /**
   * Per class: its kind as a Byte, or for a {@link #FLAT_OBJECT} class its fields, so that the hit
   * path of a record argument finds kind and fields in one lookup.
   */
  private static final ClassValue<Object> KIND = new ClassValue<Object>() {
    @Override
    protected Object computeValue(Class<?> type) {
      try {
        byte kind = kindOf(type);
        return kind == FLAT_OBJECT ? StateFields.of(type) : (Object) kind;
      } catch (RuntimeException | LinkageError e) {
        return UNSUPPORTED;
      }
    }
  };

  /** {@link #VALUE} as {@link #lookup} returns it (Byte.valueOf: one instance). */
  static final Object VALUE_KIND = VALUE;

  /** The readable instance fields of a {@link #FIELDS} class; null when one cannot be read. */
  private static final ClassValue<Field[]> FIELDS_OF = new ClassValue<Field[]>() {
    @Override
    protected Field[] computeValue(Class<?> type) {
      try {
        return readableFields(type);
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
    }
  };

  /**
   * TreeSet.m, ConcurrentSkipListSet.m, LinkedHashMap.accessOrder; null when not readable. The
   * agent opens java.util (not java.util.concurrent) to the runtime, so a ConcurrentSkipListSet
   * argument passes through there: its sub-set views cannot be told from a whole set.
   */
  static final Field TREE_SET_MAP = field("java.util.TreeSet", "m");
  static final Field SKIP_LIST_SET_MAP = field("java.util.concurrent.ConcurrentSkipListSet", "m");
  static final Field ACCESS_ORDER = field("java.util.LinkedHashMap", "accessOrder");

  private ArgumentKinds() {}

  static byte of(Class<?> type) {
    Object kind = KIND.get(type);
    return kind instanceof Field[] ? FLAT_OBJECT : (Byte) kind;
  }

  /** {@link #VALUE_KIND}, another kind as a Byte, or the fields of a {@link #FLAT_OBJECT} class. */
  static Object lookup(Class<?> type) {
    return KIND.get(type);
  }

  static Field[] fields(Class<?> type) {
    return FIELDS_OF.get(type);
  }

  private static byte kindOf(Class<?> type) {
    if (VALUES.contains(type) || type.isEnum()
        || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return VALUE;
    }
    if (type.isArray()) {
      return type.getComponentType().isPrimitive() ? PRIMITIVE_ARRAY : OBJECT_ARRAY;
    }
    Field[] state = StateFields.of(type);
    if (state != null) {
      return flat(state) ? FLAT_OBJECT : OBJECT; // an application class, state all in its fields
    }
    if (type.getClassLoader() != null || !type.getModule().isNamed()) {
      return UNSUPPORTED; // other application classes, and JDK classes of the platform loader
    }
    String name = type.getName();
    if (name.startsWith("java.time.")) {
      return name.startsWith("java.time.chrono.") || name.startsWith("java.time.format.")
          || name.startsWith("java.time.temporal.") || name.startsWith("java.time.Clock")
          ? UNSUPPORTED : VALUE;
    }
    if (type == Optional.class) {
      return OPTIONAL;
    }
    if (JdkCollections.has(name, JdkCollections.KEY_SEQUENCE) || name.startsWith("java.util.ImmutableCollections$")
        && !name.startsWith("java.util.ImmutableCollections$Map")) {
      return SEQUENCE;
    }
    if (name.startsWith("java.util.ImmutableCollections$Map") || JdkCollections.has(name, JdkCollections.KEY_MAP)) {
      return MAP;
    }
    switch (name) {
      case "java.util.PriorityQueue":
      case "java.util.concurrent.PriorityBlockingQueue":
        return PRIORITY;
      case "java.util.TreeSet":
        return TREE_SET_MAP == null ? UNSUPPORTED : SORTED_SET;
      case "java.util.concurrent.ConcurrentSkipListSet":
        return SKIP_LIST_SET_MAP == null ? UNSUPPORTED : SORTED_SET;
      case "java.util.TreeMap":
      case "java.util.concurrent.ConcurrentSkipListMap":
        return SORTED_MAP;
      case "java.util.LinkedHashMap":
        return ACCESS_ORDER == null ? UNSUPPORTED : LINKED_MAP;
      default:
        break;
    }
    if (JdkCollections.has(name, JdkCollections.KEY_ENTRY)) {
      return ENTRY;
    }
    // wrappers, empty/singleton/nCopies collections and views of java.util.Collections: their
    // fields say everything; iterating them could run a wrapped application collection's code
    if (name.startsWith("java.util.Collections$") && readableFields(type) != null) {
      return FIELDS;
    }
    return UNSUPPORTED;
  }

  /** Whether every field holds a primitive or an instance of one final value class (or null). */
  private static boolean flat(Field[] fields) {
    for (Field f : fields) {
      Class<?> t = f.getType();
      boolean value = t.isPrimitive() || t.isEnum()
          || Modifier.isFinal(t.getModifiers()) && VALUES.contains(t);
      if (!value) {
        return false;
      }
    }
    return true;
  }

  /**
   * Instance fields of the class and its superclasses except transient ones (lazily created
   * views); null when one of them cannot be read (java.util not open to the runtime).
   */
  private static Field[] readableFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) || Modifier.isTransient(m)) {
          continue;
        }
        if (!f.trySetAccessible()) {
          return null;
        }
        fields.add(f);
      }
    }
    return fields.toArray(new Field[0]);
  }

  private static Field field(String type, String name) {
    try {
      Field f = Class.forName(type, false, null).getDeclaredField(name);
      return f.trySetAccessible() ? f : null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
