package io.memoguard.runtime.snapshot;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which JDK collections, maps and entries the walk ({@link ClassInfo}) may look into and keys
 * ({@code ArgumentKinds}) may take: those whose iteration or accessors run JDK code only, so that
 * looking never calls application code.
 */
public final class JdkCollections {
  /** Roles of a class in {@link #ROLES}. */
  public static final int ITERATES = 1;
  public static final int KEY_SEQUENCE = 2;
  public static final int KEY_MAP = 4;
  public static final int ENTRY = 8;
  public static final int KEY_ENTRY = 16;

  /**
   * What each JDK collection, map and entry class may be used for; the one list of them.
   *
   * <p>{@link #ITERATES}: its forEach runs JDK code only, so the walk may look into it. Wrappers
   * (Collections.unmodifiable*, synchronized*, checked*), AbstractList.subList and sorted sub-map
   * views are missing on purpose: iterating them runs the wrapped collection's iterator or the
   * keys' compareTo, which may be application code (a Hibernate PersistentBag behind an
   * unmodifiableList loads on iteration). Known gap: a TreeSet or ConcurrentSkipListSet returned by
   * subSet/headSet/tailSet compares elements at its bounds while iterating, and cannot be told from
   * a full set without reflection.
   *
   * <p>{@link #KEY_SEQUENCE}, {@link #KEY_MAP}: an argument of the class is part of a key by its
   * elements in iteration order (sorted, priority and access-ordered ones are decided by
   * {@code ArgumentKinds} from their comparator and ordering, not here).
   *
   * <p>{@link #ENTRY}, {@link #KEY_ENTRY}: a map entry whose getKey/getValue read its own fields,
   * for the walk and for keys.
   */
  private static final Map<String, Integer> ROLES = roles(
      "java.util.ArrayList", ITERATES | KEY_SEQUENCE,
      "java.util.LinkedList", ITERATES | KEY_SEQUENCE,
      "java.util.Vector", ITERATES | KEY_SEQUENCE,
      "java.util.Stack", ITERATES | KEY_SEQUENCE,
      "java.util.ArrayDeque", ITERATES | KEY_SEQUENCE,
      "java.util.PriorityQueue", ITERATES,
      "java.util.HashSet", ITERATES | KEY_SEQUENCE,
      "java.util.LinkedHashSet", ITERATES | KEY_SEQUENCE,
      "java.util.TreeSet", ITERATES,
      "java.util.RegularEnumSet", ITERATES | KEY_SEQUENCE,
      "java.util.JumboEnumSet", ITERATES | KEY_SEQUENCE,
      "java.util.Arrays$ArrayList", ITERATES | KEY_SEQUENCE,
      "java.util.ArrayList$SubList", ITERATES | KEY_SEQUENCE,
      "java.util.Collections$EmptyList", ITERATES,
      "java.util.Collections$EmptySet", ITERATES,
      "java.util.Collections$SingletonList", ITERATES,
      "java.util.Collections$SingletonSet", ITERATES,
      "java.util.HashMap$KeySet", ITERATES | KEY_SEQUENCE,
      "java.util.HashMap$Values", ITERATES | KEY_SEQUENCE,
      "java.util.HashMap$EntrySet", ITERATES | KEY_SEQUENCE,
      "java.util.LinkedHashMap$LinkedKeySet", ITERATES | KEY_SEQUENCE,
      "java.util.LinkedHashMap$LinkedValues", ITERATES | KEY_SEQUENCE,
      "java.util.LinkedHashMap$LinkedEntrySet", ITERATES | KEY_SEQUENCE,
      "java.util.HashMap", ITERATES | KEY_MAP,
      "java.util.LinkedHashMap", ITERATES,
      "java.util.TreeMap", ITERATES,
      "java.util.IdentityHashMap", ITERATES,
      "java.util.EnumMap", ITERATES | KEY_MAP,
      "java.util.Hashtable", ITERATES | KEY_MAP,
      "java.util.Properties", ITERATES,
      "java.util.Collections$EmptyMap", ITERATES,
      "java.util.Collections$SingletonMap", ITERATES,
      "java.util.concurrent.CopyOnWriteArrayList", ITERATES | KEY_SEQUENCE,
      "java.util.concurrent.CopyOnWriteArraySet", ITERATES | KEY_SEQUENCE,
      "java.util.concurrent.ConcurrentLinkedQueue", ITERATES | KEY_SEQUENCE,
      "java.util.concurrent.ConcurrentLinkedDeque", ITERATES | KEY_SEQUENCE,
      "java.util.concurrent.LinkedBlockingQueue", ITERATES,
      "java.util.concurrent.LinkedBlockingDeque", ITERATES,
      "java.util.concurrent.ArrayBlockingQueue", ITERATES,
      "java.util.concurrent.PriorityBlockingQueue", ITERATES,
      "java.util.concurrent.ConcurrentSkipListSet", ITERATES,
      "java.util.concurrent.ConcurrentHashMap", ITERATES | KEY_MAP,
      "java.util.concurrent.ConcurrentHashMap$KeySetView", ITERATES | KEY_SEQUENCE,
      "java.util.concurrent.ConcurrentHashMap$ValuesView", ITERATES | KEY_SEQUENCE,
      "java.util.concurrent.ConcurrentSkipListMap", ITERATES,
      "java.util.concurrent.ConcurrentHashMap$EntrySetView", KEY_SEQUENCE,
      "java.util.HashMap$Node", ENTRY | KEY_ENTRY,
      "java.util.HashMap$TreeNode", ENTRY | KEY_ENTRY,
      "java.util.LinkedHashMap$Entry", ENTRY | KEY_ENTRY,
      "java.util.TreeMap$Entry", ENTRY | KEY_ENTRY,
      "java.util.AbstractMap$SimpleEntry", ENTRY | KEY_ENTRY,
      "java.util.AbstractMap$SimpleImmutableEntry", ENTRY | KEY_ENTRY,
      "java.util.KeyValueHolder", ENTRY | KEY_ENTRY,
      "java.util.Hashtable$Entry", ENTRY | KEY_ENTRY,
      "java.util.concurrent.ConcurrentHashMap$MapEntry", ENTRY | KEY_ENTRY,
      "java.util.concurrent.ConcurrentHashMap$Node", ENTRY);

  /** Methods through which a JDK forEach could reach code of an application subclass. */
  private static final Set<String> ITERATION_METHODS =
      Set.of("forEach", "iterator", "listIterator", "spliterator", "entrySet");

  private JdkCollections() {}

  private static Map<String, Integer> roles(Object... nameAndRoles) {
    Map<String, Integer> roles = new HashMap<>();
    for (int i = 0; i < nameAndRoles.length; i += 2) {
      roles.put((String) nameAndRoles[i], (Integer) nameAndRoles[i + 1]);
    }
    return Map.copyOf(roles);
  }

  /** Whether the JDK class of this name has {@code role} (one of the constants above). */
  public static boolean has(String jdkClassName, int role) {
    Integer roles = ROLES.get(jdkClassName);
    return roles != null && (roles & role) != 0;
  }

  /** A JDK collection or map whose forEach runs JDK code only, by the name of a JDK class. */
  static boolean iterates(String jdkClassName) {
    return has(jdkClassName, ITERATES)
        || jdkClassName.startsWith("java.util.ImmutableCollections$");
  }

  /** A JDK entry whose getKey/getValue read its own fields, by the name of a JDK class. */
  static boolean isEntry(String jdkClassName) {
    return has(jdkClassName, ENTRY);
  }

  /**
   * Whether an application subclass of a JDK collection can be iterated: only when its JDK
   * superclass iterates by itself and no application class in between overrides a method the
   * JDK's forEach goes through.
   */
  static byte iterableContents(Class<?> c, Class<?> jdkSuperclass) {
    if (jdkSuperclass == null || !has(jdkSuperclass.getName(), ITERATES)) {
      return ClassInfo.LEAF;
    }
    try {
      for (Class<?> k = c; k != jdkSuperclass; k = k.getSuperclass()) {
        for (Method m : k.getDeclaredMethods()) {
          if (ITERATION_METHODS.contains(m.getName())) {
            return ClassInfo.LEAF;
          }
        }
      }
    } catch (LinkageError e) {
      return ClassInfo.LEAF;
    }
    return Collection.class.isAssignableFrom(jdkSuperclass) ? ClassInfo.COLLECTION
        : Map.class.isAssignableFrom(jdkSuperclass) ? ClassInfo.MAP : ClassInfo.LEAF;
  }
}
