package io.memoguard.agent.instrument;

import io.memoguard.runtime.Calls;
import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import jakarta.servlet.AsyncContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A container's {@code AsyncContext.start(Runnable)}, woven by name of the interface: the task runs
 * on the container's pool in the request that started it, and only inside a request is it wrapped.
 */
class AsyncStartWeavingTest {
  private static final String SITE = "com.acme.Repo|find|(J)Ljava/lang/Object;";

  private final RecordingSink sink = new RecordingSink();

  /** Like a container: runs started tasks on its own pool and remembers what it was given. */
  public static class ContainerAsyncContext implements AsyncContext {
    static final ExecutorService POOL = Executors.newSingleThreadExecutor();
    volatile Runnable received;

    @Override
    public void start(Runnable run) {
      received = run;
      POOL.execute(run);
    }
  }

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], sink);
  }

  @AfterEach
  void tearDown() {
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void aStartedTaskRunsInTheRequestThatStartedIt() throws Exception {
    AsyncContext context = weave(true);
    CompletableFuture<Object> seen = new CompletableFuture<>();
    assertThat(RequestScope.enter()).isTrue();
    Object key = Calls.key(SITE, null, new Object[] {1L});
    Memoizer.store(key, "loaded by the request");
    context.start(() -> {
      Object hit = Memoizer.hit(Calls.key(SITE, null, new Object[] {1L}));
      seen.complete(hit == null ? null : Memoizer.value(hit));
    });
    // the servlet's service() returns after startAsync: the task must still see the request
    RequestScope.exit();
    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("loaded by the request");
    CompletableFuture<Object> afterwards = new CompletableFuture<>();
    ContainerAsyncContext.POOL.execute(() -> afterwards.complete(RequestScope.capture()));
    assertThat(afterwards.get(10, TimeUnit.SECONDS)).as("nothing left on the pool thread").isNull();
  }

  @Test
  void outsideARequestTheTaskIsPassedOnAsItIs() throws Exception {
    AsyncContext context = weave(true);
    Runnable task = () -> { };
    context.start(task);
    assertThat(received(context)).isSameAs(task);
  }

  @Test
  void withPropagationOffTheContainerIsLeftAlone() throws Exception {
    AsyncContext context = weave(false);
    CompletableFuture<Object> seen = new CompletableFuture<>();
    RequestScope.enter();
    Runnable task = () -> seen.complete(RequestScope.capture());
    context.start(task);
    RequestScope.exit();
    assertThat(received(context)).isSameAs(task);
    assertThat(seen.get(10, TimeUnit.SECONDS)).isNull();
  }

  /** The woven class lives in its own loader: read what the container got by reflection. */
  private static Object received(AsyncContext context) throws ReflectiveOperationException {
    java.lang.reflect.Field field = context.getClass().getDeclaredField("received");
    field.setAccessible(true);
    return field.get(context);
  }

  private AsyncContext weave(boolean propagate) throws Exception {
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(), List.of(), List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null, Mode.MEMOIZE, true, propagate);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });
    TypeDescription type = TypeDescription.ForLoadedType.of(ContainerAsyncContext.class);
    ClassLoader loader = getClass().getClassLoader();
    assertThat(planner.isRelevant(type, loader)).isEqualTo(propagate);
    Class<?> woven = planner
        .apply(new ByteBuddy().redefine(ContainerAsyncContext.class), type, loader)
        .make()
        .load(new ClassLoader(loader) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded();
    return (AsyncContext) woven.getConstructor().newInstance();
  }
}
