package io.memoguard.agent.instrument.classfile;

import java.io.File;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * The agent's own class files (its advice), read from the agent jar itself. The loader that
 * defined the agent is the host's system class loader, which may be a custom one whose
 * getResource returns null or throws: asking it would leave every class without advice.
 */
public final class AgentClassFiles {
  private AgentClassFiles() {}

  /**
   * {@code Advice.to(advice)}, with the advice's class file read from the agent's own code. Made
   * once per advice class: an {@code Advice} is immutable, and making it reads and parses the
   * advice's class file, which every advised class would otherwise pay again.
   */
  public static Advice to(Class<?> advice) {
    return Holder.ADVICE.computeIfAbsent(advice,
        type -> Advice.to(TypeDescription.ForLoadedType.of(type), Holder.LOCATOR));
  }

  /** {@code mapping.to(advice)}, with the advice's class file read from the agent's own code. */
  public static Advice to(Advice.WithCustomMapping mapping, Class<?> advice) {
    return mapping.to(TypeDescription.ForLoadedType.of(advice), Holder.LOCATOR);
  }

  /** Opened once, on first use, for the life of the JVM: the agent jar never goes away. */
  private static final class Holder {
    static final ClassFileLocator LOCATOR = locator();
    static final Map<Class<?>, Advice> ADVICE = new ConcurrentHashMap<>();

    private static ClassFileLocator locator() {
      ClassFileLocator ownLoader = ClassFileLocator.ForClassLoader.of(
          AgentClassFiles.class.getClassLoader());
      try {
        URL location = AgentClassFiles.class.getProtectionDomain().getCodeSource().getLocation();
        File code = new File(location.toURI());
        ClassFileLocator own = code.isDirectory() ? new ClassFileLocator.ForFolder(code)
            : ClassFileLocator.ForJarFile.of(code);
        return new ClassFileLocator.Compound(own, ownLoader);
      } catch (Exception | LinkageError noCodeSource) {
        return ownLoader; // the agent's loader is all there is; it usually shows its resources
      }
    }
  }
}
