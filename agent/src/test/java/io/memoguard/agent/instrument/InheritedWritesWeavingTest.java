package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.InvalidateRule;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A memoized class that inherits a writing method from a superclass no rule names: the planner
 * says so at INFO, and an invalidate rule on the superclass makes that method clear the
 * subclass's entries.
 */
class InheritedWritesWeavingTest {
  private static final String PACKAGE = "io.memoguard.testrepo.inherit";
  private static final String PETS = PACKAGE + ".PetStore";

  private final RecordingSink sink = new RecordingSink();
  private boolean inRequest;

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
  }

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    assertThat(sink.errors).isEmpty();
  }

  private static PlannerClassLoader loader(List<InvalidateRule> invalidate) {
    MemoRule rule = new MemoRule(new Selector(Selector.Kind.CLASS, PETS, 1),
        AgentConfig.DEFAULT_READ_METHODS);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(rule), invalidate, List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null, Mode.MEMOIZE, false);
    return new PlannerClassLoader(config, List.of(PACKAGE));
  }

  /** Loads (and so weaves) the memoized class, and opens a request. */
  private Object newPets(PlannerClassLoader loader) throws Exception {
    Object pets = loader.loadClass(PETS).getConstructor().newInstance();
    inRequest = RequestScope.enter();
    return pets;
  }

  private static String getPet(Object pets, String key) throws Exception {
    return (String) pets.getClass().getMethod("getPet", String.class).invoke(pets, key);
  }

  private static void put(Object pets, String key, String value) throws Exception {
    pets.getClass().getMethod("put", String.class, String.class).invoke(pets, key, value);
  }

  @Test
  void anInheritedWriteWithoutAdviceIsNamedOnce() throws Exception {
    PlannerClassLoader loader = loader(List.of());
    newPets(loader);
    assertThat(loader.notices).containsExactly("inherited methods of " + PETS + " that may write do"
        + " not clear its memoized entries: " + PACKAGE + ".BaseStore.put (add an invalidate rule"
        + " for the class that declares them)");
  }

  @Test
  void anInvalidateRuleOnTheSuperclassClearsTheSubclassEntries() throws Exception {
    InvalidateRule rule = new InvalidateRule(
        new Selector(Selector.Kind.CLASS, PACKAGE + ".BaseStore", 1), List.of("put"),
        InvalidateRule.Clears.CLASS);
    PlannerClassLoader loader = loader(List.of(rule));
    Object pets = newPets(loader);

    assertThat(getPet(pets, "rex")).isEqualTo("none");
    assertThat(getPet(pets, "rex")).isEqualTo("none");
    assertThat(pets.getClass().getField("loads").getInt(pets)).isEqualTo(1);
    put(pets, "rex", "dog");
    assertThat(getPet(pets, "rex")).isEqualTo("dog");
    assertThat(loader.notices).noneMatch(n -> n.startsWith("inherited methods"));
    assertThat(loader.errors).isEmpty();
  }
}
