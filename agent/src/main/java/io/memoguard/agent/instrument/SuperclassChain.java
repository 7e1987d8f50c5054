package io.memoguard.agent.instrument;

import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Answers "does a superclass of this class carry the tracker field already?" from class files
 * alone: loading the superclass from inside a transformer risks ClassCircularityError.
 */
final class SuperclassChain {
  private static final String UNKNOWN = "";
  private final GuardPolicy policy;
  private final ConcurrentHashMap<String, String> superNames = new ConcurrentHashMap<>();

  SuperclassChain(GuardPolicy policy) {
    this.policy = policy;
  }

  boolean anyGuardedAncestor(ClassLoader loader, String superName) {
    String name = superName;
    for (int depth = 0; name != null && depth < 64; depth++) {
      if (name.startsWith("java/") || name.startsWith("jdk/")) {
        return false;
      }
      if (policy.isGuarded(name)) {
        return true;
      }
      name = superNameOf(loader, name);
    }
    return false;
  }

  private String superNameOf(ClassLoader loader, String name) {
    String cached = superNames.get(name);
    if (cached == null) {
      cached = readSuperName(loader, name);
      superNames.put(name, cached);
    }
    return cached == UNKNOWN ? null : cached;
  }

  private static String readSuperName(ClassLoader loader, String name) {
    ClassLoader source = loader != null ? loader : ClassLoader.getSystemClassLoader();
    try (InputStream in = source.getResourceAsStream(name + ".class")) {
      if (in == null) {
        return UNKNOWN;
      }
      String superName = new ClassReader(in.readAllBytes()).getSuperName();
      return superName == null ? UNKNOWN : superName;
    } catch (Exception e) {
      return UNKNOWN;
    }
  }
}
