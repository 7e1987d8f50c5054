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
 * file is read once however many classes share it. Loaders are held weakly.
 *
 * <p>The answer never misses a reachable name: an ancestor whose class file cannot be read counts
 * as itself only (Byte Buddy fails such a hierarchy walk, which the planner treats as no match),
 * and a class file that cannot be parsed, or a hierarchy deeper than any real one, counts as
 * reaching every name.
 */
final class SuperTypeIndex {
  static final long ALL = -1L;
  private static final int MAX_DEPTH = 256;

  /** Internal names (a/b/C) to their bit. */
  private final Map<String, Long> bits = new ConcurrentHashMap<>();
  private final Map<ClassLoader, Map<String, Long>> masks = new WeakHashMap<>();

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
    Map<String, Long> cache = cache(loader);
    long mask = fromHeader(loader, cache, className, header, 0);
    if (mask != ALL) {
      cache.putIfAbsent(className, mask);
    }
    return mask;
  }

  private Map<String, Long> cache(ClassLoader loader) {
    synchronized (masks) {
      return masks.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
    }
  }

  private long fromHeader(ClassLoader loader, Map<String, Long> cache, String name,
      ClassReader header, int depth) {
    long mask = bits.getOrDefault(name, 0L);
    String superName = header.getSuperName();
    if (superName != null) {
      mask |= ancestor(loader, cache, superName, depth + 1);
    }
    for (String face : header.getInterfaces()) {
      mask |= ancestor(loader, cache, face, depth + 1);
    }
    return mask;
  }

  private long ancestor(ClassLoader loader, Map<String, Long> cache, String name, int depth) {
    Long cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    if (depth > MAX_DEPTH) {
      return ALL; // a cycle in malformed class files; not cached, the caller is not either
    }
    long mask;
    ClassReader header;
    try {
      header = read(loader, name);
    } catch (Exception | LinkageError unreadable) {
      return ALL;
    }
    if (header == null) {
      mask = bits.getOrDefault(name, 0L);
    } else {
      mask = fromHeader(loader, cache, name, header, depth);
    }
    if (mask != ALL) {
      // racing threads compute the same value; no lock is held while reading class files
      cache.put(name, mask);
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
