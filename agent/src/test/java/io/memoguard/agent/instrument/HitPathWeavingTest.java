package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.JdbcWrites;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.MethodStats;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.runtime.Stats;
import io.memoguard.runtime.snapshot.BarrierTrust;
import io.memoguard.testrepo.ArityCalls;
import io.memoguard.testrepo.ArityRepository;
import io.memoguard.testrepo.PageQuery;
import io.memoguard.testrepo.Span;
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
  void valueObjectArgumentsHitWithEqualStateAndMissOnceItChanged() {
    PageQuery query = new PageQuery(0, "name");
    Object page = repo.findPage(query);
    assertThat(repo.findPage(query)).as("same instance, same state").isSameAs(page);
    assertThat(repo.findPage(new PageQuery(0, "name"))).as("another instance, equal state")
        .isSameAs(page);
    query.page = 1; // the state the first call was keyed by is gone
    Object next = repo.findPage(query);
    assertThat(next).as("same instance, changed state").isNotSameAs(page);
    assertThat(repo.findPage(query)).isSameAs(next);
    query.sort = "id";
    assertThat(repo.findPage(query)).as("a String field changed").isNotSameAs(next);
    assertThat(repo.findPage(new PageQuery(0, "name"))).as("the first state again")
        .isSameAs(page);
    Object span = repo.findSpan(7, new Span(1, 2));
    assertThat(repo.findSpan(7, new Span(1, 2))).as("a record beside a JDK value").isSameAs(span);
    assertThat(repo.findSpan(7, new Span(1, 3))).isNotSameAs(span);
    assertThat(repo.findSpan(8, new Span(1, 2))).isNotSameAs(span);
    Object around = repo.findAround(new Span(1, 2), 3, 4, 5);
    assertThat(repo.findAround(new Span(1, 2), 3, 4, 5)).as("the array advice").isSameAs(around);
    assertThat(repo.findAround(new Span(2, 2), 3, 4, 5)).isNotSameAs(around);
    assertThat(repo.bodyRuns()).isEqualTo(8);
  }

  @Test
  void probeHitsAreCountedAsKeyPathHitsInEveryCounter() {
    long[] probedBefore = counts("findTwo");
    long[] keyedBefore = counts("findPage");
    long hits = Stats.hits();
    long calls = Stats.calls();
    long misses = Stats.misses();
    long saved = Stats.savedNanos();
    repo.findTwo(1, 2); // hits through the probe: JDK values only
    repo.findPage(new PageQuery(5, "x")); // hits through a key: an application object
    for (int i = 0; i < 5; i++) {
      repo.findTwo(1, 2);
      repo.findPage(new PageQuery(5, "x"));
    }
    RequestScope.exit();
    inRequest = false;
    MethodStats probed = method("findTwo");
    MethodStats keyed = method("findPage");
    long[] probedDelta = delta(counts("findTwo"), probedBefore);
    long[] keyedDelta = delta(counts("findPage"), keyedBefore);
    assertThat(probedDelta).as("calls, hits, misses of the probed method").containsExactly(6, 5, 1);
    assertThat(keyedDelta).as("calls, hits, misses of the keyed method").containsExactly(6, 5, 1);
    assertThat(probed.savedNanos() - probedBefore[3]).as("saved by probe hits").isPositive();
    assertThat(Stats.hits() - hits).isEqualTo(10);
    assertThat(Stats.calls() - calls).isEqualTo(12);
    assertThat(Stats.misses() - misses).isEqualTo(2);
    assertThat(Stats.savedNanos() - saved).isEqualTo(probed.savedNanos() - probedBefore[3]
        + keyed.savedNanos() - keyedBefore[3]);
    assertThat(sink.requestEnds).containsExactly("hits=10 misses=2");
  }

  @Test
  void hitsOfARequestStillRunningAreInTheCounters() {
    long hits = Stats.hits();
    long calls = Stats.calls();
    long methodHits = counts("findOne")[1];
    repo.findOne(3);
    int loops = 10_000; // more than a binding keeps pending: some added already, some not
    for (int i = 0; i < loops; i++) {
      repo.findOne(3);
    }
    MethodStats stats = method("findOne");
    assertThat(Stats.hits() - hits).as("read while the request is still open").isEqualTo(loops);
    assertThat(Stats.calls() - calls).isEqualTo(loops + 1);
    assertThat(stats.hits() - methodHits).isEqualTo(loops);
    assertThat(stats.savedNanos()).isPositive();
    RequestScope.exit();
    inRequest = false;
    assertThat(Stats.hits() - hits).as("and once it ended").isEqualTo(loops);
    assertThat(Stats.calls() - calls).isEqualTo(loops + 1);
    assertThat(stats.hits() - methodHits).isEqualTo(loops);
  }

  /**
   * Calls repeated in a loop are served from the binding's recent slots; every way an entry can
   * go stale must still reach them.
   */
  @Test
  void repeatedHitsEndWithEveryInvalidation() throws Exception {
    Object first = repo.findTwo(1000, 2000); // boxes outside the JDK's caches: equal, not identical
    for (int i = 0; i < 3; i++) {
      assertThat(repo.findTwo(1000, 2000)).isSameAs(first);
    }
    assertThat(repo.findTwo(1000, 2001)).isNotSameAs(first);
    assertThat(repo.findTwo(1000, 2000)).isSameAs(first);
    ArityCalls other = (ArityCalls) repo.getClass().getConstructor().newInstance();
    assertThat(other.findTwo(1000, 2000)).as("another receiver").isNotSameAs(first);
    Object last = first;
    List<Runnable> invalidations = List.of(
        Memoizer::clearRequest,
        () -> Memoizer.clearType(repo.getClass()),
        () -> JdbcWrites.exit("Statement.executeUpdate", 1, null),
        () -> BarrierTrust.open(Opened.class));
    for (Runnable invalidation : invalidations) {
      repo.findTwo(1000, 2000);
      repo.findTwo(1000, 2000);
      invalidation.run();
      Object fresh = repo.findTwo(1000, 2000);
      assertThat(fresh).isNotSameAs(last);
      assertThat(repo.findTwo(1000, 2000)).isSameAs(fresh);
      assertThat(repo.findTwo(1000, 2000)).isSameAs(fresh);
      last = fresh;
    }
    assertThat(repo.bodyRuns()).isEqualTo(2 + invalidations.size());
  }

  /** A class whose fields some other writer may reach: opening it changes the barrier trust. */
  private static final class Opened {
    int state;
  }

  @Test
  void hitsOfMethodsCalledInTurnAreCountedPerMethod() {
    long[] twoBefore = counts("findTwo");
    long[] oneBefore = counts("findOne");
    long[] noneBefore = counts("findNone");
    long hits = Stats.hits();
    int rounds = 50;
    for (int i = 0; i < rounds; i++) {
      repo.findTwo(5, 6);
      repo.findOne(5_000_000_000L);
      repo.findNone();
      repo.findOne(5_000_000_000L);
      repo.findTwo(7, 8); // the site's slot changes hands while it holds hits of (5, 6)
      repo.findTwo(7, 8);
      repo.findTwo(5, 6);
    }
    assertThat(Stats.hits() - hits).as("read while the request is open")
        .isEqualTo(7 * rounds - 4);
    RequestScope.exit();
    inRequest = false;
    assertThat(delta(counts("findTwo"), twoBefore)).containsExactly(4 * rounds, 4 * rounds - 2, 2);
    assertThat(delta(counts("findOne"), oneBefore)).containsExactly(2 * rounds, 2 * rounds - 1, 1);
    assertThat(delta(counts("findNone"), noneBefore)).containsExactly(rounds, rounds - 1, 1);
    assertThat(Stats.hits() - hits).isEqualTo(7 * rounds - 4);
  }

  /** The counters of a method of the repository; null before its first call. */
  private static MethodStats find(String name) {
    String display = ArityRepository.class.getName() + "." + name;
    return MethodStats.all().stream().filter(m -> m.name.equals(display)).findFirst().orElse(null);
  }

  private static MethodStats method(String name) {
    MethodStats m = find(name);
    assertThat(m).as("counters of " + name).isNotNull();
    return m;
  }

  /** Calls, hits, misses and saved nanoseconds so far (zeros before the first call). */
  private static long[] counts(String name) {
    MethodStats m = find(name);
    return m == null ? new long[4] : new long[] {m.calls(), m.hits(), m.misses(), m.savedNanos()};
  }

  private static long[] delta(long[] after, long[] before) {
    return new long[] {after[0] - before[0], after[1] - before[1], after[2] - before[2]};
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
