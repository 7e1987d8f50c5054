package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import io.memoguard.runtime.Calls;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.runtime.snapshot.Guarded;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A class's own write barriers are switched off until one of its instances is cached
 * ({@code BarrierSwitches}): a write after that is seen however the setter ran before, also when
 * it was compiled without the barrier, and through every class whose fields the object has.
 */
class BarrierSwitchTest {
  private static final String SITE = "test.Repository|load|()Ljava/lang/Object;";
  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void start() {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000,
        new String[] {"io.memoguard.testdomain"}, sink);
    assertThat(RequestScope.enter()).isTrue();
  }

  @AfterEach
  void tearDown() {
    RequestScope.exit();
    assertThat(sink.errors).isEmpty();
  }

  private void cache(Object value) {
    Memoizer.store(Calls.key(SITE, this, new Object[0]), value);
  }

  private Object served() {
    Object hit = Memoizer.hit(Calls.key(SITE, this, new Object[0]));
    return hit == null ? null : Memoizer.value(hit);
  }

  private static TransformingClassLoader domainLoader() {
    return new TransformingClassLoader(List.of("io.memoguard.testdomain"),
        List.of("io.memoguard.testdomain"));
  }

  @Test
  void aSetterRunHotBeforeItsClassWasCachedSeesTheWriteAfter() throws Exception {
    Class<?> tags = domainLoader().loadClass("io.memoguard.testdomain.Tag");
    Method setName = tags.getMethod("setName", String.class);
    Object other = tags.getConstructor(String.class).newInstance("other");
    // long enough for the JIT to compile the setter with its switched-off barrier
    for (int i = 0; i < 200_000; i++) {
      setName.invoke(other, (i & 1) == 0 ? "a" : "b");
    }
    assertThat(sink.mutations).isEmpty();

    Object tag = tags.getConstructor(String.class).newInstance("t");
    cache(tag);
    assertThat(served()).isSameAs(tag);
    setName.invoke(other, "not cached");
    assertThat(served()).as("a write to an uncached instance").isSameAs(tag);
    setName.invoke(tag, "changed");
    assertThat(served()).isNull();
    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).field()).isEqualTo("io.memoguard.testdomain.Tag.name");
  }

  @Test
  void aWriteOnAnotherThreadRunningTheSetterHotIsSeenOnceTheValueIsCached() throws Exception {
    Class<?> tags = domainLoader().loadClass("io.memoguard.testdomain.Tag");
    Object tag = tags.getConstructor(String.class).newInstance("t");
    MethodHandle setName = MethodHandles.publicLookup().findVirtual(tags, "setName",
        MethodType.methodType(void.class, String.class)).asType(
        MethodType.methodType(void.class, Object.class, String.class));
    AtomicBoolean cached = new AtomicBoolean();
    AtomicLong writesBefore = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        long n = 0;
        // the setter compiled with its barrier switched off, still running when the value is cached
        while (!cached.get()) {
          String name = (n++ & 1) == 0 ? "a" : "b";
          setName.invokeExact(tag, name);
        }
        writesBefore.set(n);
        setName.invokeExact(tag, "after");
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    writer.start();
    Thread.sleep(300); // long enough for the writer's setter to be compiled
    cache(tag);
    cached.set(true);
    writer.join(10_000);
    assertThat(failure.get()).isNull();
    assertThat(writesBefore.get()).as("writes before the value was cached").isPositive();
    assertThat(served()).as("written after it was cached, on another thread").isNull();
    assertThat(sink.mutations).isNotEmpty();
    assertThat(sink.mutations.get(0).field()).isEqualTo("io.memoguard.testdomain.Tag.name");
  }

  @Test
  void cachingASubclassTurnsOnTheBarriersOfItsSuperclasses() throws Exception {
    TransformingClassLoader loader = domainLoader();
    Object savings = loader.newInstance("io.memoguard.testdomain.SavingsAccount");
    cache(savings);
    // Account's own setter, switched by Account, which only the subclass's instance arms
    savings.getClass().getMethod("setOwner", String.class).invoke(savings, "bob");
    assertThat(served()).isNull();
    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).field()).isEqualTo("io.memoguard.testdomain.Account.owner");

    cache(savings);
    savings.getClass().getMethod("addInterest").invoke(savings);
    assertThat(served()).as("the subclass's writes of inherited fields").isNull();
    assertThat(sink.mutations).hasSize(2);
  }

  @Test
  void theSameClassInAnotherLoaderHasItsOwnSwitch() throws Exception {
    Object first = domainLoader().newInstance("io.memoguard.testdomain.Tag", "first");
    Object second = domainLoader().newInstance("io.memoguard.testdomain.Tag", "second");
    cache(first);
    Memoizer.store(Calls.key(SITE, this, new Object[] {"second"}), second);
    second.getClass().getMethod("setName", String.class).invoke(second, "changed");
    assertThat(sink.mutations).hasSize(1);
    assertThat(served()).as("the first loader's instance was not written").isSameAs(first);
  }

  @Test
  void aClassFileOlderThanJava7KeepsTheBarrierThatAlwaysTests() throws Exception {
    String name = "io/memoguard/testdomain/Legacy";
    FieldBarrierTransformer transformer = new FieldBarrierTransformer(
        List.of("io.memoguard.testdomain"), (type, error) -> {
          throw new AssertionError("transform failed for " + type, error);
        });
    ClassLoader parent = getClass().getClassLoader();
    byte[] rewritten = transformer.rewrite(parent, name, legacyClass(name));
    assertThat(invokedynamics(rewritten)).isZero();
    Class<?> legacy = new ClassLoader(parent) {
      Class<?> define() {
        return defineClass(name.replace('/', '.'), rewritten, 0, rewritten.length);
      }
    }.define();
    Object value = legacy.getConstructor().newInstance();
    assertThat(value).isInstanceOf(Guarded.class);
    cache(value);
    legacy.getMethod("setName", String.class).invoke(value, "changed");
    assertThat(served()).isNull();
    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).field()).isEqualTo("io.memoguard.testdomain.Legacy.name");
  }

  /** {@code public class Legacy { String name; public void setName(String n) {...} }}, Java 6. */
  private static byte[] legacyClass(String name) {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    w.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
        null);
    w.visitField(Opcodes.ACC_PRIVATE, "name", "Ljava/lang/String;", null, null).visitEnd();
    MethodVisitor init = w.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor set = w.visitMethod(Opcodes.ACC_PUBLIC, "setName", "(Ljava/lang/String;)V",
        null, null);
    set.visitCode();
    set.visitVarInsn(Opcodes.ALOAD, 0);
    set.visitVarInsn(Opcodes.ALOAD, 1);
    set.visitFieldInsn(Opcodes.PUTFIELD, name, "name", "Ljava/lang/String;");
    set.visitInsn(Opcodes.RETURN);
    set.visitMaxs(0, 0);
    set.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  private static int invokedynamics(byte[] classFile) {
    int[] count = new int[1];
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitInvokeDynamicInsn(String n, String d, net.bytebuddy.jar.asm.Handle h,
              Object... args) {
            count[0]++;
          }
        };
      }
    }, 0);
    return count[0];
  }
}
