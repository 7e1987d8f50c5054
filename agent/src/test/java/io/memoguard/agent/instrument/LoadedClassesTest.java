package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes advised by retransformation go to the JVM in one redefinition, which costs it one pass
 * over its compiled code instead of one per class; when the JVM refuses that redefinition (and so
 * changes none of the classes), each class is tried on its own, so that one class it refuses does
 * not leave the others without advice.
 */
class LoadedClassesTest {
  private final List<List<Class<?>>> calls = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  @Test
  void theClassesGoInOneRedefinition() {
    int done = LoadedClasses.retransform(jvmRefusing(null),
        List.of(String.class, Integer.class, Long.class), (type, error) -> failures.add(type));

    assertThat(done).isEqualTo(3);
    assertThat(calls).containsExactly(List.of(String.class, Integer.class, Long.class));
    assertThat(failures).isEmpty();
  }

  @Test
  void aClassTheJvmRefusesDoesNotKeepTheOthersUnadvised() {
    int done = LoadedClasses.retransform(jvmRefusing(Integer.class),
        List.of(String.class, Integer.class, Long.class), (type, error) -> failures.add(type));

    assertThat(done).isEqualTo(2);
    assertThat(calls).containsExactly(List.of(String.class, Integer.class, Long.class),
        List.of(String.class), List.of(Integer.class), List.of(Long.class));
    assertThat(failures).containsExactly(Integer.class.getName());
  }

  /** A JVM that refuses any redefinition including {@code refused}, as a whole. */
  private Instrumentation jvmRefusing(Class<?> refused) {
    return (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
          if (!method.getName().equals("retransformClasses")) {
            throw new UnsupportedOperationException(method.getName());
          }
          List<Class<?>> batch = List.of((Class<?>[]) args[0]);
          calls.add(batch);
          if (refused != null && batch.contains(refused)) {
            throw new UnmodifiableClassException(refused.getName());
          }
          return null;
        });
  }
}
