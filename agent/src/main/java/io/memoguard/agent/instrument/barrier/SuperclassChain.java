package io.memoguard.agent.instrument.barrier;

import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Answers "does a superclass of this class carry the tracker members already?" from class files
 * alone: loading the superclass from inside a transformer risks ClassCircularityError. Super names
 * are remembered per class loader (held weakly): two loaders may define the same name with
 * different superclasses.
 */
final class SuperclassChain {
  /** No superclass is guarded: the class must carry the tracker members itself. */
  static final int NONE = 0;
  /** A superclass is guarded and carries them; the class inherits them. */
  static final int GUARDED = 1;
  /**
   * A superclass's class file cannot be read (a loader whose getResource returns null, a
   * generated class): adding final members could clash with an ancestor's at definition time.
   */
  static final int UNKNOWN = 2;

  private static final String UNREADABLE = "";
  private static final int MAX_DEPTH = 64;
  private final GuardPolicy policy;
  private final Map<ClassLoader, Map<String, String>> superNames = new WeakHashMap<>();

  SuperclassChain(GuardPolicy policy) {
    this.policy = policy;
  }

  /** One of {@link #NONE}, {@link #GUARDED}, {@link #UNKNOWN}. */
  int ancestry(ClassLoader loader, String superName) {
    Map<String, String> names = names(loader);
    String name = superName;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (name != null && policy.isGuarded(name)) {
        return GUARDED;
      }
      if (name == null || NeverInstrumented.isJdk(name)) {
        return NONE; // the barrier transformer never rewrites JDK classes
      }
      String next = names.get(name);
      if (next == null) {
        next = readSuperName(loader, name);
        names.put(name, next); // racing threads compute the same value
      }
      if (next == UNREADABLE) {
        return UNKNOWN;
      }
      name = next;
    }
    return UNKNOWN;
  }

  private Map<String, String> names(ClassLoader loader) {
    synchronized (superNames) {
      return superNames.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
    }
  }

  private static String readSuperName(ClassLoader loader, String name) {
    ClassLoader source = loader != null ? loader : ClassLoader.getSystemClassLoader();
    try (InputStream in = source.getResourceAsStream(name + ".class")) {
      if (in == null) {
        return UNREADABLE;
      }
      String superName = new ClassReader(in.readAllBytes()).getSuperName();
      return superName == null ? "java/lang/Object" : new String(superName);
    } catch (Exception | LinkageError e) {
      return UNREADABLE;
    }
  }
}
