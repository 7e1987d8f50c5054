package io.memoguard.agent.instrument.reflect;

import io.memoguard.runtime.RuntimeNames;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Tells the runtime whenever the JDK hands out a way to write an instance field that passes no
 * barrier: {@code MethodHandles.Lookup} setters and var handles, atomic field updaters and
 * {@code sun.misc.Unsafe.objectFieldOffset}. Each of those methods gains, as its first instruction,
 * a call to {@code FieldHandles.created} with its class or field argument; the classes are loaded
 * before any agent runs (or may be), so they are retransformed, which allows no new members, and
 * the call has no branch, so stack map frames stay valid.
 */
public final class FieldHandleTransformer implements ClassFileTransformer {
  private static final String RUNTIME = RuntimeNames.FIELD_HANDLES;
  private static final String CLASS_ARG = "(Ljava/lang/Class;)V";
  private static final String FIELD_ARG = "(Ljava/lang/reflect/Field;)V";

  /** A method to mark: the local slot of its class or field argument. */
  private static final class Target {
    final String descriptor;
    final int slot;
    final String argument;

    Target(String descriptor, int slot, String argument) {
      this.descriptor = descriptor;
      this.slot = slot;
      this.argument = argument;
    }
  }

  private static final String UPDATERS = "java/util/concurrent/atomic/";
  /** Internal class name, then method name to target. */
  static final Map<String, Map<String, Target>> TARGETS = Map.of(
      "java/lang/invoke/MethodHandles$Lookup", Map.of(
          "findSetter", new Target("(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)"
              + "Ljava/lang/invoke/MethodHandle;", 1, CLASS_ARG),
          "findVarHandle", new Target("(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)"
              + "Ljava/lang/invoke/VarHandle;", 1, CLASS_ARG),
          "unreflectSetter", new Target("(Ljava/lang/reflect/Field;)Ljava/lang/invoke/MethodHandle;",
              1, FIELD_ARG),
          "unreflectVarHandle", new Target("(Ljava/lang/reflect/Field;)Ljava/lang/invoke/VarHandle;",
              1, FIELD_ARG)),
      UPDATERS + "AtomicIntegerFieldUpdater", Map.of("newUpdater", new Target(
          "(Ljava/lang/Class;Ljava/lang/String;)L" + UPDATERS + "AtomicIntegerFieldUpdater;", 0,
          CLASS_ARG)),
      UPDATERS + "AtomicLongFieldUpdater", Map.of("newUpdater", new Target(
          "(Ljava/lang/Class;Ljava/lang/String;)L" + UPDATERS + "AtomicLongFieldUpdater;", 0,
          CLASS_ARG)),
      UPDATERS + "AtomicReferenceFieldUpdater", Map.of("newUpdater", new Target(
          "(Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/String;)L" + UPDATERS
              + "AtomicReferenceFieldUpdater;", 0, CLASS_ARG)),
      "sun/misc/Unsafe", Map.of("objectFieldOffset", new Target("(Ljava/lang/reflect/Field;)J", 1,
          FIELD_ARG)));

  private final BiConsumer<String, Throwable> onFailure;

  public FieldHandleTransformer(BiConsumer<String, Throwable> onFailure) {
    this.onFailure = onFailure;
  }

  /**
   * Registers the transformer and retransforms the target classes already loaded; the others get
   * the call when they load. A class the JVM refuses is reported and keeps its behaviour: handles
   * it hands out then bypass the barrier unseen.
   */
  public void install(Instrumentation inst) {
    // initialized now, not inside the first lookup that reaches it
    io.memoguard.runtime.FieldHandles.created((Class<?>) null);
    inst.addTransformer(this, true);
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> type : inst.getAllLoadedClasses()) {
      if (type.getClassLoader() == null && TARGETS.containsKey(type.getName().replace('.', '/'))) {
        if (inst.isModifiableClass(type)) {
          loaded.add(type);
        } else {
          onFailure.accept(type.getName(), new UnsupportedOperationException(
              "this JVM does not allow retransforming it"));
        }
      }
    }
    for (Class<?> type : loaded) {
      try {
        inst.retransformClasses(type);
      } catch (Throwable error) {
        onFailure.accept(type.getName(), error);
      }
    }
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    Map<String, Target> methods = loader == null && className != null ? TARGETS.get(className) : null;
    if (methods == null) {
      return null;
    }
    try {
      return rewrite(classfileBuffer, methods);
    } catch (Throwable error) {
      onFailure.accept(className.replace('/', '.'), error);
      return null;
    }
  }

  /** The class file with the call at the start of each target method; null if none was found. */
  static byte[] rewrite(byte[] classFile, Map<String, Target> methods) {
    return EntryCalls.rewrite(classFile, (access, name, descriptor) -> {
      Target target = methods.get(name);
      if (target == null || !target.descriptor.equals(descriptor)
          || ((access & Opcodes.ACC_STATIC) != 0) != (target.slot == 0)) {
        return null;
      }
      return mv -> {
        mv.visitVarInsn(Opcodes.ALOAD, target.slot);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "created", target.argument, false);
      };
    });
  }
}
