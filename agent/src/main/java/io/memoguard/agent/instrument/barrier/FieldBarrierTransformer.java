package io.memoguard.agent.instrument.barrier;

import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;

/**
 * Installs write barriers at class load: on guarded classes themselves and on every other class
 * that writes their fields. A class that fails to transform is reported once and loads unchanged.
 */
public final class FieldBarrierTransformer implements ClassFileTransformer {
  private final GuardPolicy policy;
  private final SuperclassChain chain;
  private final BiConsumer<String, Throwable> onFailure;
  private final Set<String> failed = ConcurrentHashMap.newKeySet();
  private final Set<String> transformed = ConcurrentHashMap.newKeySet();
  private volatile java.util.function.Consumer<String> gap = name -> { };

  public FieldBarrierTransformer(java.util.List<String> guardPackages,
      BiConsumer<String, Throwable> onFailure) {
    this.policy = new GuardPolicy(guardPackages);
    this.chain = new SuperclassChain(policy);
    this.onFailure = onFailure;
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    if (className == null || classBeingRedefined != null || NeverInstrumented.isJdkOrAgent(className)) {
      return null;
    }
    if (loader == null) {
      // the boot class path is left alone: a class there that writes guarded fields leaves them
      // without a barrier
      if (writesOtherGuardedFields(className, classfileBuffer) && failed.add(className)) {
        gap.accept(className.replace('/', '.'));
      }
      return null;
    }
    try {
      return rewrite(loader, className, classfileBuffer);
    } catch (Throwable error) {
      if (failed.add(className)) {
        onFailure.accept(className.replace('/', '.'), error);
        if (writesOtherGuardedFields(className, classfileBuffer)) {
          gap.accept(className.replace('/', '.'));
        }
      }
      return null;
    }
  }

  /**
   * Sets the action taken when a class that writes fields of other guarded classes loads without
   * barriers: those classes' barriers are then incomplete (the runtime checks them on read).
   */
  public FieldBarrierTransformer onBarrierGap(java.util.function.Consumer<String> action) {
    this.gap = action;
    return this;
  }

  private boolean writesOtherGuardedFields(String className, byte[] classFile) {
    try {
      return ConstantPool.anyFieldrefOwner(classFile,
          owner -> policy.isGuarded(owner) && !owner.equals(className));
    } catch (RuntimeException malformed) {
      return true;
    }
  }

  /** Returns the rewritten class file, or null when the class needs no barrier. */
  public byte[] rewrite(ClassLoader loader, String className, byte[] classFile) {
    boolean guarded = policy.isGuarded(className);
    if (!guarded && !policy.referencesGuardedField(classFile)) {
      return null;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    int ancestry = guarded ? chain.ancestry(loader, reader.getSuperName()) : SuperclassChain.NONE;
    BarrierClassVisitor visitor = new BarrierClassVisitor(writer, policy, guarded, ancestry);
    reader.accept(visitor, 0);
    if (!visitor.changed()) {
      return null;
    }
    transformed.add(className);
    return writer.toByteArray();
  }

  /** Number of classes rewritten so far. */
  public int transformedCount() {
    return transformed.size();
  }
}
