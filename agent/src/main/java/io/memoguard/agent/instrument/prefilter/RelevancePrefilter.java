package io.memoguard.agent.instrument.prefilter;

import io.memoguard.agent.config.Glob;
import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Hands a class to Byte Buddy only when the {@code TypePlanner} could find it relevant, judged
 * from the class file header: its name, whether it is an interface, and which of the planner's
 * hierarchy targets (servlet API, JDBC statement, {@code implements:} selectors) it reaches.
 * Almost every class loaded at start-up is none of these, and for those Byte Buddy would build a
 * full type description of the class and of each ancestor only to say no. The filter only ever
 * says "maybe": the planner still makes every decision.
 */
public final class RelevancePrefilter implements ClassFileTransformer {
  private final ClassFileTransformer delegate;
  private final Set<String> names;
  private final List<Glob> classGlobs;
  private final SuperTypeIndex index;

  /**
   * @param names classes relevant by name alone (binary names)
   * @param classGlobs {@code class:} selectors
   * @param superTypes every type a relevant class may extend or implement (at most 64)
   */
  public RelevancePrefilter(ClassFileTransformer delegate, Set<String> names, List<Glob> classGlobs,
      List<String> superTypes) {
    this.delegate = delegate;
    this.names = names;
    this.classGlobs = classGlobs;
    this.index = new SuperTypeIndex(superTypes);
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classfileBuffer)
      throws IllegalClassFormatException {
    if (!mayBeRelevant(loader, className, classBeingRedefined, classfileBuffer)) {
      return null;
    }
    return delegate.transform(module, loader, className, classBeingRedefined, protectionDomain,
        classfileBuffer);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer)
      throws IllegalClassFormatException {
    if (!mayBeRelevant(loader, className, classBeingRedefined, classfileBuffer)) {
      return null;
    }
    return delegate.transform(loader, className, classBeingRedefined, protectionDomain,
        classfileBuffer);
  }

  public boolean mayBeRelevant(ClassLoader loader, String className, Class<?> classBeingRedefined,
      byte[] classFile) {
    if (className == null || classBeingRedefined != null || classFile == null) {
      return true;
    }
    String name = className.replace('/', '.');
    if (NeverInstrumented.isSkippedByAdvice(name, loader)) {
      return false;
    }
    if (names.contains(name)) {
      return true;
    }
    try {
      ClassReader header = new ClassReader(classFile);
      if ((header.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
        index.declare(loader, className, header); // for the classes that will implement it
        return false; // the planner never weaves interfaces or annotations
      }
      for (Glob glob : classGlobs) {
        if (glob.matches(name)) {
          index.declare(loader, className, header);
          return true;
        }
      }
      return index.maskOf(loader, className, header) != 0;
    } catch (RuntimeException | LinkageError unreadable) {
      return true; // Byte Buddy decides (and reports) as before
    }
  }
}
