package io.memoguard.runtime.snapshot;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which JDK collections, maps and entries {@link ClassInfo} lets the walk look into: those whose
 * iteration or accessors run JDK code only, so that looking never calls application code.
 */
final class JdkCollections {
  /**
   * JDK collections and maps whose forEach runs JDK code only. Wrappers (Collections.unmodifiable*,
   * synchronized*, checked*), AbstractList.subList and sorted sub-map views are missing on purpose:
   * iterating them runs the wrapped collection's iterator or the keys' compareTo, which may be
   * application code (a Hibernate PersistentBag behind an unmodifiableList loads on iteration).
   * Known gap: a TreeSet or ConcurrentSkipListSet returned by subSet/headSet/tailSet compares
   * elements at its bounds while iterating, and cannot be told from a full set without reflection.
   */
  private static final Set<String> ITERABLE = Set.of(
      "java.util.ArrayList", "java.util.LinkedList", "java.util.Vector", "java.util.Stack",
      "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.RegularEnumSet",
      "java.util.JumboEnumSet", "java.util.Arrays$ArrayList", "java.util.ArrayList$SubList",
      "java.util.Collections$EmptyList", "java.util.Collections$EmptySet",
      "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
      "java.util.HashMap$KeySet", "java.util.HashMap$Values", "java.util.HashMap$EntrySet",
      "java.util.LinkedHashMap$LinkedKeySet", "java.util.LinkedHashMap$LinkedValues",
      "java.util.LinkedHashMap$LinkedEntrySet",
      "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
      "java.util.IdentityHashMap", "java.util.EnumMap", "java.util.Hashtable",
      "java.util.Properties", "java.util.Collections$EmptyMap", "java.util.Collections$SingletonMap",
      "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
      "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
      "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.LinkedBlockingDeque",
      "java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.PriorityBlockingQueue",
      "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.ConcurrentHashMap",
      "java.util.concurrent.ConcurrentHashMap$KeySetView",
      "java.util.concurrent.ConcurrentHashMap$ValuesView",
      "java.util.concurrent.ConcurrentSkipListMap");

  /** Entries whose getKey/getValue read their own fields. */
  private static final Set<String> ENTRIES = Set.of(
      "java.util.HashMap$Node", "java.util.HashMap$TreeNode", "java.util.LinkedHashMap$Entry",
      "java.util.TreeMap$Entry", "java.util.AbstractMap$SimpleEntry",
      "java.util.AbstractMap$SimpleImmutableEntry", "java.util.KeyValueHolder",
      "java.util.Hashtable$Entry", "java.util.concurrent.ConcurrentHashMap$MapEntry",
      "java.util.concurrent.ConcurrentHashMap$Node");

  /** Methods through which a JDK forEach could reach code of an application subclass. */
  private static final Set<String> ITERATION_METHODS =
      Set.of("forEach", "iterator", "listIterator", "spliterator", "entrySet");

  private JdkCollections() {}

  /** A JDK collection or map whose forEach runs JDK code only, by the name of a JDK class. */
  static boolean iterates(String jdkClassName) {
    return ITERABLE.contains(jdkClassName)
        || jdkClassName.startsWith("java.util.ImmutableCollections$");
  }

  /** A JDK entry whose getKey/getValue read its own fields, by the name of a JDK class. */
  static boolean isEntry(String jdkClassName) {
    return ENTRIES.contains(jdkClassName);
  }

  /**
   * Whether an application subclass of a JDK collection can be iterated: only when its JDK
   * superclass iterates by itself and no application class in between overrides a method the
   * JDK's forEach goes through.
   */
  static byte iterableContents(Class<?> c, Class<?> jdkSuperclass) {
    if (jdkSuperclass == null || !ITERABLE.contains(jdkSuperclass.getName())) {
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
