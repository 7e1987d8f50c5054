package io.memoguard.agent.instrument.reflect;

import io.memoguard.runtime.Barrier;
import io.memoguard.runtime.RuntimeNames;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.function.BiConsumer;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Puts a barrier into {@code java.lang.reflect.Field}'s setters, so that frameworks writing fields
 * by reflection are seen like a {@code PUTFIELD}. {@code Field} is loaded long before any agent
 * runs, so it is retransformed, which allows no new members: each setter only gains a call to
 * {@code Barrier.reflectiveWrite(target, this)} as its first instruction. That call has no branch,
 * so the method's stack map frames stay valid as they are.
 */
public final class ReflectiveWriteTransformer implements ClassFileTransformer {
  static final String FIELD = "java/lang/reflect/Field";
  private static final String BARRIER = RuntimeNames.BARRIER;
  private static final String BARRIER_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/reflect/Field;)V";
  /** The public setters and their descriptors, {@code (Object target, T value) void}. */
  static final Map<String, String> SETTERS = Map.of(
      "set", "(Ljava/lang/Object;Ljava/lang/Object;)V",
      "setBoolean", "(Ljava/lang/Object;Z)V",
      "setByte", "(Ljava/lang/Object;B)V",
      "setChar", "(Ljava/lang/Object;C)V",
      "setShort", "(Ljava/lang/Object;S)V",
      "setInt", "(Ljava/lang/Object;I)V",
      "setLong", "(Ljava/lang/Object;J)V",
      "setFloat", "(Ljava/lang/Object;F)V",
      "setDouble", "(Ljava/lang/Object;D)V");

  private final BiConsumer<String, Throwable> onFailure;

  public ReflectiveWriteTransformer(BiConsumer<String, Throwable> onFailure) {
    this.onFailure = onFailure;
  }

  /**
   * Registers the transformer and retransforms {@code Field}. Returns false, after reporting why,
   * when the JVM does not allow it; the application then runs with field barriers only.
   */
  public boolean install(Instrumentation inst) {
    if (!inst.isRetransformClassesSupported() || !inst.isModifiableClass(Field.class)) {
      onFailure.accept(Field.class.getName(), new UnsupportedOperationException(
          "this JVM does not allow retransforming it"));
      return false;
    }
    // initialized now, not inside the first Field.set call that reaches it
    Barrier.reflectiveWrite(null, null);
    inst.addTransformer(this, true);
    try {
      inst.retransformClasses(Field.class);
      return true;
    } catch (Throwable error) {
      inst.removeTransformer(this);
      onFailure.accept(Field.class.getName(), error);
      return false;
    }
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    // Field is only ever redefined, never loaded again; another agent retransforming it later
    // gets the barrier put back by this transformer
    if (loader != null || !FIELD.equals(className)) {
      return null;
    }
    try {
      return rewrite(classfileBuffer);
    } catch (Throwable error) {
      onFailure.accept(Field.class.getName(), error);
      return null;
    }
  }

  /** Returns {@code Field}'s class file with the barrier call in each setter; null if none found. */
  static byte[] rewrite(byte[] classFile) {
    return EntryCalls.rewrite(classFile, (access, name, descriptor) -> !isSetter(access, name, descriptor)
        ? null : mv -> {
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          mv.visitVarInsn(Opcodes.ALOAD, 0);
          mv.visitMethodInsn(Opcodes.INVOKESTATIC, BARRIER, "reflectiveWrite", BARRIER_DESCRIPTOR, false);
        });
  }

  static boolean isSetter(int access, String name, String descriptor) {
    return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC)) == Opcodes.ACC_PUBLIC
        && descriptor.equals(SETTERS.get(name));
  }
}
