package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.runtime.Stats;
import io.memoguard.testrepo.QuoteRepository;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verify mode, global and per rule, woven in process: the body runs at every call, the caller gets
 * the fresh result, would-be hits are counted and compared, and differences are reported.
 */
class VerifyModeWeavingTest {
  private final RecordingSink sink = new RecordingSink();
  private Object repo;
  private boolean inRequest;

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    Settings.configureModes(Mode.MEMOIZE, true);
    assertThat(sink.errors).isEmpty();
  }

  private void weave(Mode global, MemoRule... rules) throws Exception {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
    Settings.configureModes(global, true);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(rules), List.of(),
        List.of(), OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null, global, true);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });
    Class<?> woven = planner
        .apply(new ByteBuddy().redefine(QuoteRepository.class),
            TypeDescription.ForLoadedType.of(QuoteRepository.class), getClass().getClassLoader())
        .make()
        .load(new ClassLoader(getClass().getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded();
    repo = woven.getConstructor().newInstance();
    inRequest = RequestScope.enter();
  }

  private static MemoRule rule(String methods, Mode mode) {
    return new MemoRule(new Selector(Selector.Kind.CLASS, QuoteRepository.class.getName(), 1),
        List.of(methods), null, mode);
  }

  @SuppressWarnings("unchecked")
  private List<String> call(String method) throws Exception {
    return (List<String>) repo.getClass().getMethod(method, String.class).invoke(repo, "acme");
  }

  private int bodyRuns() throws Exception {
    return repo.getClass().getField("bodyRuns").getInt(repo);
  }

  @Test
  void globalVerifyRunsTheBodyEveryTimeAndCountsWouldBeHits() throws Exception {
    weave(Mode.VERIFY, rule("find*", null));
    long verified = Stats.wouldSave();
    long hits = Stats.hits();
    List<String> first = call("findProducts");
    List<String> second = call("findProducts");
    List<String> third = call("findProducts");
    assertThat(bodyRuns()).isEqualTo(3);
    assertThat(second).isNotSameAs(first).isEqualTo(first);
    assertThat(third).isNotSameAs(first).isNotSameAs(second);
    assertThat(Stats.wouldSave() - verified).isEqualTo(2);
    assertThat(Stats.hits()).isEqualTo(hits);
    assertThat(sink.differences).isEmpty();
  }

  @Test
  void aDifferentFreshResultIsReportedWithItsPathAndTheCallerGetsTheFreshOne() throws Exception {
    weave(Mode.VERIFY, rule("find*", null));
    long differences = Stats.differences();
    assertThat(call("findQuote")).containsExactly("acme", "quote-1");
    assertThat(call("findQuote")).containsExactly("acme", "quote-2");
    assertThat(call("findQuote")).containsExactly("acme", "quote-3");
    assertThat(Stats.differences() - differences).isEqualTo(2);
    // compared with the memoized (first) value each time: what memoization would have served
    assertThat(sink.differences).containsExactly(
        QuoteRepository.class.getName() + ".findQuote at ArrayList[1]",
        QuoteRepository.class.getName() + ".findQuote at ArrayList[1]");
  }

  @Test
  void aRuleInVerifyModeUnderGlobalMemoize() throws Exception {
    weave(Mode.MEMOIZE, rule("findQuote", Mode.VERIFY), rule("find*", null));
    List<String> products = call("findProducts");
    assertThat(call("findProducts")).isSameAs(products);
    call("findQuote");
    assertThat(call("findQuote")).containsExactly("acme", "quote-2");
    assertThat(bodyRuns()).isEqualTo(3);
    assertThat(sink.differences).hasSize(1);
  }

  @Test
  void aRuleInMemoizeModeUnderGlobalVerify() throws Exception {
    weave(Mode.VERIFY, rule("findQuote", Mode.MEMOIZE), rule("find*", null));
    List<String> quote = call("findQuote");
    assertThat(call("findQuote")).isSameAs(quote);
    call("findProducts");
    call("findProducts");
    assertThat(bodyRuns()).isEqualTo(3);
  }

  @Test
  void guardingStaysOnSoACallersChangeIsNoDifference() throws Exception {
    weave(Mode.VERIFY, rule("find*", null));
    long verified = Stats.wouldSave();
    List<String> first = call("findProducts");
    first.add("changed by the caller");
    call("findProducts");
    assertThat(sink.late).hasSize(1);
    assertThat(sink.differences).isEmpty();
    assertThat(Stats.wouldSave()).isEqualTo(verified);
    call("findProducts");
    assertThat(Stats.wouldSave() - verified).isEqualTo(1);
    assertThat(sink.differences).isEmpty();
  }

  @Test
  void aCallersChangeToAFreshCopyInvalidatesAsItWouldHaveMemoized() throws Exception {
    weave(Mode.VERIFY, rule("find*", null));
    long verified = Stats.wouldSave();
    call("findProducts");
    List<String> second = call("findProducts");
    assertThat(Stats.wouldSave() - verified).isEqualTo(1);
    // memoized, this would have been the shared instance, handed to 2 callers
    second.add("changed by the second caller");
    call("findProducts");
    assertThat(Stats.wouldSave() - verified).isEqualTo(1);
    assertThat(sink.late).singleElement().asString()
        .startsWith("ArrayList (size 2 -> 3) | " + QuoteRepository.class.getName() + ".findProducts")
        .contains("| 2 | invalidated");
    assertThat(sink.differences).isEmpty();
  }

  @Test
  void aWouldBeHitThatThrowsIsADifferenceAndTheCallerGetsTheException() throws Exception {
    weave(Mode.VERIFY, rule("find*", null));
    call("findRate");
    assertThatThrownBy(() -> call("findRate"))
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(sink.differences).containsExactly(
        QuoteRepository.class.getName() + ".findRate at (threw IllegalStateException)");
    assertThat(call("findRate")).containsExactly("acme", "3.5");
    assertThat(sink.differences).hasSize(1);
  }
}
