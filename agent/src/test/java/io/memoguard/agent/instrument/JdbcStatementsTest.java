package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * After a run-time attach the planner describes every loaded class, through reflection. Only a
 * JDBC statement's methods are read: reading another class's methods would make the JVM load the
 * types in their signatures, through the application's class loaders, for nothing.
 */
class JdbcStatementsTest {
  @Test
  void theMethodsOfALoadedClassThatIsNoStatementAreNotRead() throws Exception {
    RecordingLoader loader = new RecordingLoader(Map.of(
        "t.Service", classReturning("t/Service", "java/lang/Object", "t/Result"),
        "t.Result", classReturning("t/Result", "java/lang/Object", null)));
    Class<?> service = loader.loadClass("t.Service");
    loader.requested.clear();

    List<MethodDescription> writes =
        JdbcStatements.writeMethods(TypeDescription.ForLoadedType.of(service));

    assertThat(writes).isEmpty();
    assertThat(loader.requested).doesNotContain("t.Result");
  }

  @Test
  void aStatementsWriteMethodsAreFound() {
    assertThat(JdbcStatements.writeMethods(
        TypeDescription.ForLoadedType.of(org.h2.jdbc.JdbcStatement.class)))
        .extracting(MethodDescription::getName)
        .contains("executeUpdate", "executeBatch", "execute");
  }

  /** A public class with a constructor and a method {@code m} returning {@code returned}. */
  private static byte[] classReturning(String name, String superName, String returned) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
    MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    if (returned != null) {
      MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC, "m", "()L" + returned + ";", null,
          null);
      m.visitCode();
      m.visitInsn(Opcodes.ACONST_NULL);
      m.visitInsn(Opcodes.ARETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }
    writer.visitEnd();
    return writer.toByteArray();
  }

  /** Defines its own classes and records every name it is asked for. */
  private static final class RecordingLoader extends ClassLoader {
    final List<String> requested = new ArrayList<>();
    private final Map<String, byte[]> classes;

    RecordingLoader(Map<String, byte[]> classes) {
      super(JdbcStatementsTest.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        requested.add(name);
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          return super.loadClass(name, resolve);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    }
  }
}
