package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * One walk per type answers every {@code implements} matcher as Byte Buddy's
 * {@code hasSuperType(named(...))} answered each on its own, a supertype that cannot be resolved
 * included (a match found before the walk fails counts; none after it).
 */
class SuperTypeNamesTest {
  private static final List<String> NAMES = List.of("t.C", "t.D", "t.I", "t.J", "t.K", "t.Missing",
      "java.lang.Object", "java.io.Serializable", "java.util.List", "java.util.AbstractList",
      "java.util.RandomAccess", "java.util.Map", "java.util.Set", "java.lang.Iterable");

  @Test
  void answersAsEachMatcherDidOnLoadedTypes() {
    for (Class<?> type : List.of(ArrayList.class, HashMap.class, String.class, Serializable.class,
        Object.class)) {
      assertSameAnswers(TypeDescription.ForLoadedType.of(type));
    }
  }

  @Test
  void aMissingSuperclassEndsTheWalkWhereByteBuddysEnded() {
    TypePool pool = poolWith(Map.of(
        "t.C", type("t/C", Opcodes.ACC_PUBLIC, "t/Missing", "t/I"),
        "t.I", type("t/I", Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
            "java/lang/Object", "t/J"),
        "t.J", type("t/J", Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
            "java/lang/Object"),
        "t.D", type("t/D", Opcodes.ACC_PUBLIC, "t/C", "t/K"),
        "t.K", type("t/K", Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
            "java/lang/Object")));
    TypeDescription c = pool.describe("t.C").resolve();
    TypeDescription d = pool.describe("t.D").resolve();

    assertSameAnswers(c);
    assertSameAnswers(d);
    // Byte Buddy resolves a class's superclass before it looks at the class: C's walk fails at once
    // (C does not even reach itself), D's reaches D and D's interface, then fails moving past C
    assertThat(SuperTypeNames.of(c)).isEmpty();
    assertThat(SuperTypeNames.of(d)).containsExactlyInAnyOrder("t.D", "t.K");
  }

  @Test
  void aWalkIsNeverAnsweredForAnotherType() {
    TypeDescription list = TypeDescription.ForLoadedType.of(ArrayList.class);
    TypeDescription map = TypeDescription.ForLoadedType.of(HashMap.class);
    for (int i = 0; i < 3; i++) {
      assertThat(SuperTypeNames.named("java.util.List").matches(list)).isTrue();
      assertThat(SuperTypeNames.named("java.util.List").matches(map)).isFalse();
      assertThat(SuperTypeNames.named("java.util.Map").matches(map)).isTrue();
      assertThat(SuperTypeNames.named("java.util.Map").matches(list)).isFalse();
    }
  }

  private static void assertSameAnswers(TypeDescription type) {
    for (String name : NAMES) {
      assertThat(SuperTypeNames.named(name).matches(type))
          .as("%s reaches %s", type.getName(), name)
          .isEqualTo(byteBuddy(name, type));
    }
  }

  private static boolean byteBuddy(String name, TypeDescription type) {
    ElementMatcher<TypeDescription> matcher = hasSuperType(ElementMatchers.named(name));
    try {
      return matcher.matches(type);
    } catch (RuntimeException | LinkageError unresolvable) {
      return false;
    }
  }

  private static TypePool poolWith(Map<String, byte[]> classes) {
    return TypePool.Default.of(new ClassFileLocator.Compound(new ClassFileLocator.Simple(classes),
        ClassFileLocator.ForClassLoader.ofSystemLoader()));
  }

  private static byte[] type(String name, int access, String superName, String... interfaces) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V17, access, name, null, superName, interfaces);
    writer.visitEnd();
    return writer.toByteArray();
  }
}
