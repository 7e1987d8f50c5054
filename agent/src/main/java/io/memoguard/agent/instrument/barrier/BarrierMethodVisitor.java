package io.memoguard.agent.instrument.barrier;

import io.memoguard.runtime.RuntimeNames;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Inserts the barrier before each {@code PUTFIELD} on a guarded class. The inserted code only
 * shuffles the operand stack and calls the barrier with the written object: it has no branch, so
 * no stack map frame changes and no class has to be loaded to recompute frames.
 *
 * <pre>
 *   [obj, v]     SWAP; DUP_X1            (DUP2_X1; POP2; DUP_X2 for long and double)
 *   [obj, v, obj] LDC "Class.field"; INVOKEDYNAMIC write(Object, String) [BarrierSwitches.link own]
 *                 or INVOKESTATIC Barrier.write
 *   [obj, v]     PUTFIELD
 * </pre>
 *
 * A class writing its own fields (a setter) gets the switched barrier of {@code BarrierSwitches},
 * which compiles to nothing until an instance of the class is tracked; it reads the tracker field
 * directly when the class declares it. Class files older than Java 7 cannot hold
 * {@code invokedynamic} and keep the barrier that always tests, as do writes to another class's
 * fields: the class declaring the written field may have no tracker at run time (its own
 * transformation failed, it loaded before the agent or from the boot class path, or another loader
 * defined it with another superclass), and a field reference that does not resolve would throw
 * NoSuchFieldError in the host.
 */
final class BarrierMethodVisitor extends MethodVisitor {
  private static final String BARRIER = RuntimeNames.BARRIER;
  private static final Handle LINK = new Handle(Opcodes.H_INVOKESTATIC,
      RuntimeNames.BARRIER_SWITCHES, "link", "(Ljava/lang/invoke/MethodHandles$Lookup;"
          + "Ljava/lang/String;Ljava/lang/invoke/MethodType;I)"
          + "Ljava/lang/invoke/CallSite;", false);

  private final GuardPolicy policy;
  private final String className;
  private final boolean constructor;
  private final boolean switched;
  private final Runnable onChange;
  private final java.util.function.BooleanSupplier ownTracker;

  /**
   * @param switched whether the class file can hold {@code invokedynamic} (Java 7 or later)
   * @param ownTracker whether the class being rewritten declares the tracker field itself
   */
  BarrierMethodVisitor(MethodVisitor next, GuardPolicy policy, String className, boolean constructor,
      boolean switched, java.util.function.BooleanSupplier ownTracker, Runnable onChange) {
    super(Opcodes.ASM9, next);
    this.ownTracker = ownTracker;
    this.policy = policy;
    this.className = className;
    this.constructor = constructor;
    this.switched = switched;
    this.onChange = onChange;
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    if (opcode == Opcodes.PUTFIELD && needsBarrier(owner, name)) {
      boolean wide = "J".equals(descriptor) || "D".equals(descriptor);
      if (wide) {
        super.visitInsn(Opcodes.DUP2_X1);
        super.visitInsn(Opcodes.POP2);
        super.visitInsn(Opcodes.DUP_X2);
      } else {
        super.visitInsn(Opcodes.SWAP);
        super.visitInsn(Opcodes.DUP_X1);
      }
      String field = owner.replace('/', '.') + "." + name;
      if (owner.equals(className) && switched) {
        super.visitLdcInsn(field);
        super.visitInvokeDynamicInsn("write", "(Ljava/lang/Object;Ljava/lang/String;)V", LINK,
            ownTracker.getAsBoolean() ? 1 : 0);
      } else if (owner.equals(className) && ownTracker.getAsBoolean()) {
        // provably there: this very class declares the tracker field
        super.visitInsn(Opcodes.DUP);
        super.visitFieldInsn(Opcodes.GETFIELD, owner, BarrierClassVisitor.TRACKER,
            "Ljava/lang/Object;");
        super.visitLdcInsn(field);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BARRIER, "writeOwn",
            "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V", false);
      } else {
        super.visitLdcInsn(field);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BARRIER, "write",
            "(Ljava/lang/Object;Ljava/lang/String;)V", false);
      }
      onChange.run();
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  private boolean needsBarrier(String owner, String name) {
    if (!policy.isGuarded(owner) || BarrierClassVisitor.TRACKER.equals(name)) {
      return false;
    }
    // A constructor may write its own fields before the super constructor ran, when 'this' cannot
    // be read yet; an object under construction is not part of a cached value anyway.
    return !(constructor && owner.equals(className));
  }
}
