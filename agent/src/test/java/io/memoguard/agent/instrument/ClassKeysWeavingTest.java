package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same class name loaded by two class loaders is two classes: their memoized static methods
 * (which have no receiver to tell them apart) never share entries, and a static writing method
 * clears its own class's entries. Both copies are woven by the agent's planner and Byte Buddy
 * transformer and run child-first on a real JVM.
 */
class ClassKeysWeavingTest {
  private static final String REPO = "io.memoguard.testrepo.iso.StaticRepo";

  private final RecordingSink sink = new RecordingSink();
  private PlannerClassLoader first;
  private PlannerClassLoader second;
  private boolean inRequest;

  @BeforeEach
  void setUp() throws Exception {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
    MemoRule rule = new MemoRule(new Selector(Selector.Kind.CLASS, REPO, 1),
        AgentConfig.DEFAULT_READ_METHODS);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(rule), List.of(), List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null, Mode.MEMOIZE, false);
    first = new PlannerClassLoader(config, List.of("io.memoguard.testrepo.iso"));
    second = new PlannerClassLoader(config, List.of("io.memoguard.testrepo.iso"));
    repo(first).getField("origin").set(null, "A");
    repo(second).getField("origin").set(null, "B");
    inRequest = RequestScope.enter();
    assertThat(inRequest).isTrue();
  }

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    assertThat(first.errors).isEmpty();
    assertThat(second.errors).isEmpty();
    assertThat(sink.errors).isEmpty();
  }

  private static Class<?> repo(ClassLoader loader) throws ClassNotFoundException {
    return loader.loadClass(REPO);
  }

  private static Object call(ClassLoader loader, String method, Object... args) throws Exception {
    for (Method m : repo(loader).getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        return m.invoke(null, args);
      }
    }
    throw new NoSuchMethodException(method);
  }

  private static int calls(ClassLoader loader) throws Exception {
    return repo(loader).getField("calls").getInt(null);
  }

  @Test
  void staticMethodOfTheSameClassNameInTwoLoadersKeepsItsOwnEntries() throws Exception {
    assertThat(repo(first)).isNotSameAs(repo(second));
    assertThat(first.transformed).contains(REPO);

    assertThat(call(first, "getTag", "k")).isEqualTo("A:k#1");
    assertThat(call(second, "getTag", "k")).isEqualTo("B:k#1");
    // each copy still memoizes its own calls
    assertThat(call(first, "getTag", "k")).isEqualTo("A:k#1");
    assertThat(call(second, "getTag", "k")).isEqualTo("B:k#1");
    assertThat(calls(first)).isEqualTo(1);
    assertThat(calls(second)).isEqualTo(1);
  }

  @Test
  void aReturnTypeOfItsOwnLoaderNeverMakesTheOtherCopyReturnNull() throws Exception {
    Object a = call(first, "getValue", "k");
    Object b = call(second, "getValue", "k");

    assertThat(b).isNotNull();
    assertThat(b.getClass().getClassLoader()).isSameAs(second);
    assertThat(b.getClass().getField("text").get(b)).isEqualTo("B:k");
    assertThat(call(first, "getValue", "k")).isSameAs(a);
    assertThat(call(second, "getValue", "k")).isSameAs(b);
  }

  @Test
  void staticWriteClearsTheClassEntries() throws Exception {
    assertThat(call(first, "getName", 1)).isEqualTo("name1");
    call(first, "rename", 1, "renamed");
    assertThat(call(first, "getName", 1)).isEqualTo("renamed");
    call(first, "reset");
  }

  @Test
  void packagePrivateWriteCalledFromItsPackageClearsTheClassEntries() throws Exception {
    call(first, "rename", 2, "two");
    assertThat(call(first, "getName", 2)).isEqualTo("two");
    first.loadClass(REPO + "$SamePackage").getMethod("forget", int.class).invoke(null, 2);
    assertThat(call(first, "getName", 2)).isEqualTo("name2");
  }

  @Test
  void aWriteInOneLoaderLeavesTheOtherLoadersEntries() throws Exception {
    assertThat(call(second, "getName", 3)).isEqualTo("name3");
    int before = calls(second);
    call(first, "rename", 3, "elsewhere");
    assertThat(call(second, "getName", 3)).isEqualTo("name3");
    assertThat(calls(second)).isEqualTo(before);
    call(first, "reset");
  }
}
