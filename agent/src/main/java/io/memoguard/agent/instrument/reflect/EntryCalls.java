package io.memoguard.agent.instrument.reflect;

import java.util.function.Consumer;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Puts a call into the runtime at the start of chosen methods of a JDK class that is
 * retransformed, which allows no new members. The inserted instructions only push arguments and
 * call a static method: no branch, so the method's stack map frames stay valid as they are.
 */
final class EntryCalls {
  /** The instructions to insert at the start of a method, or null to leave the method alone. */
  interface Prologue {
    Consumer<MethodVisitor> at(int access, String name, String descriptor);
  }

  private EntryCalls() {}

  /** The class file with the prologues inserted; null if no method was chosen. */
  static byte[] rewrite(byte[] classFile, Prologue prologue) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    int[] chosen = new int[1];
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        Consumer<MethodVisitor> instructions = mv == null ? null : prologue.at(access, name, descriptor);
        if (instructions == null) {
          return mv;
        }
        chosen[0]++;
        return new MethodVisitor(Opcodes.ASM9, mv) {
          @Override
          public void visitCode() {
            super.visitCode();
            instructions.accept(mv);
          }
        };
      }
    }, 0);
    return chosen[0] == 0 ? null : writer.toByteArray();
  }
}
