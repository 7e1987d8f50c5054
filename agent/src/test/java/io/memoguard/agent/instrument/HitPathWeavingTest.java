package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.runtime.Stats;
import io.memoguard.testrepo.ArityCalls;
import io.memoguard.testrepo.ArityRepository;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hit path as woven: methods of up to three parameters get their arguments one by one (no
 * array), longer ones an array; either way a call is the same call only with equal arguments, a
 * hit allocates nothing, and every hit is counted.
 */
class HitPathWeavingTest {
  private final RecordingSink sink = new RecordingSink();
  private ArityCalls repo;
  private boolean inRequest;

  @BeforeEach
  void weave() throws Exception {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(new MemoRule(
        new Selector(Selector.Kind.CLASS, ArityRepository.class.getName(), 1), List.of("find*"),
        null, null)), List.of(), List.of(), OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info",
        null, Mode.MEMOIZE, true);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });
    Class<?> woven = planner
        .apply(new ByteBuddy().redefine(ArityRepository.class),
            TypeDescription.ForLoadedType.of(ArityRepository.class), getClass().getClassLoader())
        .make()
        .load(new ClassLoader(getClass().getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded();
    repo = (ArityCalls) woven.getConstructor().newInstance();
    inRequest = RequestScope.enter();
  }

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    assertThat(sink.errors).isEmpty();
  }

  @Test
  void everyArityHitsOnlyWithEqualArguments() {
    Object none = repo.findNone();
    assertThat(repo.findNone()).isSameAs(none);
    Object one = repo.findOne(1_000_000_000_000L);
    assertThat(repo.findOne(1_000_000_000_000L)).isSameAs(one);
    assertThat(repo.findOne(7)).isNotSameAs(one);
    Object two = repo.findTwo(3, 4);
    assertThat(repo.findTwo(3, 4)).isSameAs(two);
    assertThat(repo.findTwo(4, 3)).isNotSameAs(two);
    Object three = repo.findThree(null, 0.0, null);
    assertThat(repo.findThree(null, 0.0, null)).isSameAs(three);
    assertThat(repo.findThree(null, -0.0, null)).as("Double.equals tells 0.0 from -0.0")
        .isNotSameAs(three);
    assertThat(repo.findThree(null, 0.0, 0)).as("the third argument counts").isNotSameAs(three);
    assertThat(repo.findThree("", 0.0, null)).isNotSameAs(three);
    Object four = repo.findFour(1, 2, 3, 4);
    assertThat(repo.findFour(1, 2, 3, 4)).isSameAs(four);
    assertThat(repo.findFour(1, 2, 3, 5)).isNotSameAs(four);
    List<Integer> ids = new ArrayList<>(List.of(1, 2));
    Object byIds = repo.findIds(ids);
    ids.add(3); // the key keeps a copy: the changed list is another call
    assertThat(repo.findIds(ids)).isNotSameAs(byIds);
    assertThat(repo.findIds(new ArrayList<>(List.of(1, 2)))).isSameAs(byIds);
    int count = repo.findCount(21);
    assertThat(repo.findCount(21)).isEqualTo(count);
    assertThat(repo.bodyRuns()).isEqualTo(14);
  }

  @Test
  void aHitAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Object value = repo.findTwo(3, 4);
    for (int i = 0; i < 1000; i++) { // first-use allocations (thread's probe, sites) out of the way
      repo.findTwo(3, 4);
      repo.findNone();
    }
    int hits = 10_000;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < hits; i++) {
      if (repo.findTwo(3, 4) != value) {
        throw new AssertionError("missed");
      }
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated by " + hits + " hits").isLessThan(hits);
  }

  @Test
  void hitsOfTheThreadAreCountedWhenItsRequestEnds() {
    long hits = Stats.hits();
    long calls = Stats.calls();
    repo.findTwo(1, 2);
    for (int i = 0; i < 5; i++) {
      repo.findTwo(1, 2);
    }
    RequestScope.exit();
    inRequest = false;
    assertThat(Stats.hits() - hits).isEqualTo(5);
    assertThat(Stats.calls() - calls).isEqualTo(6);
  }
}
