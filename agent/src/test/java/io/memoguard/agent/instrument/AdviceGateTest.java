package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate in front of the memo transformer while premain leaves its build to another thread. */
class AdviceGateTest {
  private static final byte[] ADVISED = {1, 2, 3};
  private static final ClassFileTransformer ADVICE = new ClassFileTransformer() {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
        ProtectionDomain domain, byte[] classfileBuffer) {
      return ADVISED;
    }
  };

  private final List<String> missed = new CopyOnWriteArrayList<>();
  private final ClassLoader loader = new URLClassLoader(new URL[0], null);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aClassLoadedBeforeTheBuildWaitsAndGetsTheAdvice() throws Exception {
    AdviceGate gate = new AdviceGate(60_000, missed::add);
    Future<byte[]> loading = threads.submit(() -> load(gate, "com/acme/Repo"));
    Thread.sleep(200);
    assertThat(loading.isDone()).as("waits for the build").isFalse();

    Map<ClassLoader, Set<String>> late = gate.open(ADVICE);

    assertThat(loading.get(10, TimeUnit.SECONDS)).isSameAs(ADVISED);
    assertThat(late).isEmpty();
    assertThat(missed).isEmpty();
    assertThat(load(gate, "com/acme/Other")).isSameAs(ADVISED);
  }

  @Test
  void theBuilderThreadNeverWaitsAndItsClassIsHandedBackOnce() throws Exception {
    AdviceGate gate = new AdviceGate(60_000, missed::add);
    gate.builtBy(Thread.currentThread());

    assertThat(load(gate, "com/acme/Repo")).isNull();
    assertThat(load(gate, "com/acme/Repo")).isNull();

    assertThat(missed).containsExactly("com.acme.Repo");
    assertThat(gate.open(ADVICE)).containsOnlyKeys(loader)
        .hasEntrySatisfying(loader, names -> assertThat(names).containsExactly("com/acme/Repo"));
  }

  @Test
  void aWaitThatRunsOutLoadsTheClassUnchangedForRetransformation() throws Exception {
    AdviceGate gate = new AdviceGate(100, missed::add);
    long start = System.nanoTime();

    assertThat(load(gate, "com/acme/Repo")).isNull();

    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(missed).containsExactly("com.acme.Repo");
    assertThat(gate.open(ADVICE).get(loader)).containsExactly("com/acme/Repo");
  }

  @Test
  void anInterruptDoesNotEndTheWaitAndIsKept() throws Exception {
    AdviceGate gate = new AdviceGate(60_000, missed::add);
    Future<Object[]> loading = threads.submit(() -> {
      Thread.currentThread().interrupt();
      byte[] result = load(gate, "com/acme/Repo");
      return new Object[] {result, Thread.currentThread().isInterrupted()};
    });
    Thread.sleep(200);
    assertThat(loading.isDone()).isFalse();

    gate.open(ADVICE);

    assertThat(loading.get(10, TimeUnit.SECONDS)).containsExactly(ADVISED, true);
  }

  @Test
  void afterAFailedBuildClassesLoadUnchangedAndNobodyWaits() throws Exception {
    AdviceGate gate = new AdviceGate(60_000, missed::add);
    Future<byte[]> loading = threads.submit(() -> load(gate, "com/acme/Repo"));
    Thread.sleep(200);

    gate.fail();

    assertThat(loading.get(10, TimeUnit.SECONDS)).isNull();
    assertThat(load(gate, "com/acme/Other")).isNull();
    assertThat(missed).as("nothing to retransform: nothing gets advice").isEmpty();
  }

  @Test
  void jdkAndAgentClassesNeverWait() throws Exception {
    AdviceGate gate = new AdviceGate(60_000, missed::add);

    assertThat(gate.transform(null, "java/util/ArrayList", null, null, new byte[0])).isNull();
    assertThat(gate.transform(loader, "io/memoguard/agent/Installer", null, null, new byte[0]))
        .isNull();

    assertThat(missed).isEmpty();
    assertThat(gate.open(ADVICE)).isEmpty();
  }

  private byte[] load(AdviceGate gate, String name) throws Exception {
    return gate.transform(loader, name, null, null, new byte[0]);
  }
}
