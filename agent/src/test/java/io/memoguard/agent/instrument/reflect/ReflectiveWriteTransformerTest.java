package io.memoguard.agent.instrument.reflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of the running JDK's own {@code java.lang.reflect.Field}: each public setter starts
 * with the barrier call and nothing else changes (a retransformation may not add or drop members).
 */
class ReflectiveWriteTransformerTest {

  @Test
  void everyPublicSetterStartsWithTheBarrierCall() throws IOException {
    Map<String, List<String>> methods = firstInstructions(rewritten());
    for (Map.Entry<String, String> setter : ReflectiveWriteTransformer.SETTERS.entrySet()) {
      assertThat(methods.get(setter.getKey() + setter.getValue()))
          .as(setter.getKey())
          .startsWith("ALOAD 1", "ALOAD 0",
              "INVOKESTATIC io/memoguard/runtime/Barrier.reflectiveWrite"
                  + "(Ljava/lang/Object;Ljava/lang/reflect/Field;)V");
    }
  }

  @Test
  void nothingElseChanges() throws IOException {
    Map<String, List<String>> before = firstInstructions(original());
    Map<String, List<String>> after = firstInstructions(rewritten());
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String method : before.keySet()) {
      boolean setter = ReflectiveWriteTransformer.SETTERS.keySet().stream()
          .anyMatch(name -> method.equals(name + ReflectiveWriteTransformer.SETTERS.get(name)));
      if (!setter) {
        assertThat(after.get(method)).as(method).isEqualTo(before.get(method));
      }
    }
  }

  @Test
  void onlyTheBootstrapFieldClassIsTransformed() throws IOException {
    ReflectiveWriteTransformer transformer = new ReflectiveWriteTransformer((type, error) -> {
      throw new AssertionError(type, error);
    });
    byte[] bytes = original();
    assertThat(transformer.transform(null, null, ReflectiveWriteTransformer.FIELD, Field.class,
        null, bytes)).isNotNull();
    assertThat(transformer.transform(null, getClass().getClassLoader(),
        ReflectiveWriteTransformer.FIELD, null, null, bytes)).isNull();
    assertThat(transformer.transform(null, null, "java/lang/reflect/Method", null, null, bytes))
        .isNull();
  }

  @Test
  void aBrokenClassFileIsReportedAndLeftAlone() {
    List<String> failures = new ArrayList<>();
    ReflectiveWriteTransformer transformer =
        new ReflectiveWriteTransformer((type, error) -> failures.add(type));
    assertThat(transformer.transform(null, null, ReflectiveWriteTransformer.FIELD, Field.class,
        null, new byte[] {1, 2, 3})).isNull();
    assertThat(failures).containsExactly("java.lang.reflect.Field");
  }

  private static byte[] original() throws IOException {
    try (InputStream in = Field.class.getResourceAsStream("Field.class")) {
      assertThat(in).as("Field.class of the running JDK").isNotNull();
      return in.readAllBytes();
    }
  }

  private static byte[] rewritten() throws IOException {
    byte[] bytes = ReflectiveWriteTransformer.rewrite(original());
    assertThat(bytes).isNotNull();
    return bytes;
  }

  /** name+descriptor of each method -> its first few instructions, as text. */
  private static Map<String, List<String>> firstInstructions(byte[] classFile) {
    Map<String, List<String>> methods = new HashMap<>();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        List<String> code = new ArrayList<>();
        methods.put(name + descriptor, code);
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitVarInsn(int opcode, int var) {
            add((opcode == Opcodes.ALOAD ? "ALOAD " : opcode + " ") + var);
          }

          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc,
              boolean isInterface) {
            add((opcode == Opcodes.INVOKESTATIC ? "INVOKESTATIC " : opcode + " ") + owner + "."
                + method + desc);
          }

          @Override
          public void visitInsn(int opcode) {
            add("insn " + opcode);
          }

          @Override
          public void visitFieldInsn(int opcode, String owner, String field, String desc) {
            add(opcode + " " + owner + "." + field);
          }

          private void add(String insn) {
            if (code.size() < 6) {
              code.add(insn);
            }
          }
        };
      }
    }, ClassReader.SKIP_DEBUG);
    return methods;
  }
}
