package io.memoguard.agent.instrument.prefilter;

import io.memoguard.agent.instrument.classfile.HostClassFiles;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Which of a fixed set of type names (at most 64) a class is, extends or implements, directly or
 * through any ancestor, as a bit mask computed from class file headers alone (no class loading,
 * no full parse). Each ancestor's mask is computed once per class loader, so a supertype's class
 * file is read once however many classes share it, and not at all when its own header passed by
 * as it was defined ({@link #declare}). Loaders are held weakly.
 *
 * <p>The answer never misses a reachable name: an ancestor whose class file cannot be read counts
 * as itself only (Byte Buddy fails such a hierarchy walk, which the planner treats as no match),
 * and a class file that cannot be parsed, or a hierarchy deeper than any real one, counts as
 * reaching every name.
 */
final class SuperTypeIndex {
  static final long ALL = -1L;
  private static final int MAX_DEPTH = 256;
  /** Bounds the headers kept per loader; past it, ancestors are read as they were before. */
  static final int MAX_DECLARED = 50_000;

  /** Internal names (a/b/C) to their bit. */
  private final Map<String, Long> bits = new ConcurrentHashMap<>();
  private final Map<ClassLoader, Known> known = new WeakHashMap<>();

  /** What one loader's classes are known to reach, or declare. */
  private static final class Known {
    final Map<String, Long> masks = new ConcurrentHashMap<>();
    /**
     * The direct supertypes (superclass first, null for none) of types defined by the loader whose
     * mask nobody needed yet, by internal name; dropped once the mask is known.
     */
    final Map<String, String[]> declared = new ConcurrentHashMap<>();
  }

  /** @param names binary names (a.b.C), at most 64 */
  SuperTypeIndex(List<String> names) {
    if (names.size() > 64) {
      throw new IllegalArgumentException("at most 64 names");
    }
    for (int i = 0; i < names.size(); i++) {
      bits.merge(names.get(i).replace('.', '/'), 1L << i, (a, b) -> a | b);
    }
  }

  /** The bit of {@code names.get(index)}, for reading a mask. */
  static long bit(int index) {
    return 1L << index;
  }

  /**
   * The mask of the class {@code className} (internal name) being defined by {@code loader} from
   * {@code header}. Remembered as that loader's answer for the name: a class defined before its
   * subclasses (an interface or base class used on its own first) is then never read again as
   * their ancestor. This header is the class as the JVM defines it; where another agent's
   * transformer changed its supertypes, it may differ from the class file Byte Buddy's type pool
   * reads, as the class's own header already could.
   */
  long maskOf(ClassLoader loader, String className, ClassReader header) {
    Known cache = cache(loader);
    long mask = fromSupertypes(loader, cache, className, supertypes(header), 0);
    if (mask != ALL) {
      cache.masks.putIfAbsent(className, mask);
    }
    return mask;
  }

  /**
   * Keeps the direct supertypes of {@code className}, being defined by {@code loader} from
   * {@code header}, whose mask is not needed now (an interface, a class passed by name). An
   * interface is often defined before the first class that implements it (as the type of a field,
   * or as another interface's ancestor): half of the class files the index read at a Spring Boot
   * application's start were of types whose headers had passed by already.
   */
  void declare(ClassLoader loader, String className, ClassReader header) {
    Known cache = cache(loader);
    if (!cache.masks.containsKey(className) && cache.declared.size() < MAX_DECLARED) {
      cache.declared.putIfAbsent(className, supertypes(header));
    }
  }

  private Known cache(ClassLoader loader) {
    synchronized (known) {
      return known.computeIfAbsent(loader, l -> new Known());
    }
  }

  private static String[] supertypes(ClassReader header) {
    String[] interfaces = header.getInterfaces();
    String[] supertypes = new String[interfaces.length + 1];
    supertypes[0] = header.getSuperName();
    System.arraycopy(interfaces, 0, supertypes, 1, interfaces.length);
    return supertypes;
  }

  private long fromSupertypes(ClassLoader loader, Known cache, String name, String[] supertypes,
      int depth) {
    long mask = bits.getOrDefault(name, 0L);
    for (String supertype : supertypes) {
      if (supertype != null) {
        mask |= ancestor(loader, cache, supertype, depth + 1);
      }
    }
    return mask;
  }

  private long ancestor(ClassLoader loader, Known cache, String name, int depth) {
    Long cached = cache.masks.get(name);
    if (cached != null) {
      return cached;
    }
    if (depth > MAX_DEPTH) {
      return ALL; // a cycle in malformed class files; not cached, the caller is not either
    }
    long mask;
    String[] declared = cache.declared.get(name);
    if (declared != null) {
      mask = fromSupertypes(loader, cache, name, declared, depth);
    } else {
      ClassReader header;
      try {
        header = read(loader, name);
      } catch (Exception | LinkageError unreadable) {
        return ALL;
      }
      if (header == null) {
        mask = bits.getOrDefault(name, 0L);
      } else {
        mask = fromSupertypes(loader, cache, name, supertypes(header), depth);
      }
    }
    if (mask != ALL) {
      // racing threads compute the same value; no lock is held while reading class files
      cache.masks.put(name, mask);
      cache.declared.remove(name);
    }
    return mask;
  }

  /** The header of {@code name}'s class file as the loader sees it, null when there is none. */
  private static ClassReader read(ClassLoader loader, String name) {
    // the same look-up Byte Buddy's type pool makes, so both see the same class file
    byte[] classFile = HostClassFiles.INSTANCE.read(loader, name);
    return classFile == null ? null : new ClassReader(classFile);
  }
}
