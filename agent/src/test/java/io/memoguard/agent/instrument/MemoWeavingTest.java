package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.InvalidateRule;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.testrepo.CountingRepository;
import io.memoguard.testrepo.Repo;
import java.lang.reflect.Field;
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
 * Weaves the planner's advice into a real repository class and calls it: hits skip the body,
 * misses run it, and what must not be memoized is not.
 */
class MemoWeavingTest {
  private final RecordingSink sink = new RecordingSink();
  private final List<String> notices = new ArrayList<>();
  private CountingRepository target;
  private Repo repo;
  private boolean inRequest;

  @BeforeEach
  void setUp() throws Exception {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
    repo = weave(List.of());
  }

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    assertThat(sink.errors).isEmpty();
  }

  private Repo weave(List<InvalidateRule> invalidate) throws Exception {
    Selector selector = new Selector(Selector.Kind.CLASS, CountingRepository.class.getName(), 1);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"),
        List.of(new MemoRule(selector, AgentConfig.DEFAULT_READ_METHODS)), invalidate, List.of(),
        OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), notices::add);
    Class<?> woven = planner
        .apply(new ByteBuddy().redefine(CountingRepository.class),
            TypeDescription.ForLoadedType.of(CountingRepository.class), getClass().getClassLoader())
        .make()
        .load(new ClassLoader(getClass().getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded();
    Object instance = woven.getConstructor().newInstance();
    return (Repo) instance;
  }

  private void beginRequest() {
    inRequest = RequestScope.enter();
    assertThat(inRequest).isTrue();
  }

  private void endRequest() {
    RequestScope.exit();
    inRequest = false;
  }

  private int calls() throws ReflectiveOperationException {
    Field field = repo.getClass().getDeclaredField("calls");
    field.setAccessible(true);
    return field.getInt(repo);
  }

  @Test
  void outsideARequestEveryCallRunsTheBody() throws Exception {
    assertThat(repo.find("acme", 1)).isEqualTo("acme/1#1");
    assertThat(repo.find("acme", 1)).isEqualTo("acme/1#2");
  }

  @Test
  void repeatedCallInARequestReturnsTheFirstResultWithoutRunningTheBody() throws Exception {
    beginRequest();
    String first = repo.find("acme", 1);
    assertThat(repo.find("acme", 1)).isSameAs(first);
    assertThat(repo.find("acme", 2)).isEqualTo("acme/2#2");
    assertThat(calls()).isEqualTo(2);
  }

  @Test
  void nothingSurvivesTheRequest() throws Exception {
    beginRequest();
    repo.find("acme", 1);
    endRequest();
    beginRequest();
    assertThat(repo.find("acme", 1)).isEqualTo("acme/1#2");
  }

  @Test
  void overloadsAreDistinct() throws Exception {
    beginRequest();
    assertThat(repo.find("7")).isEqualTo("tenant 7#1");
    assertThat(repo.find(7L)).isEqualTo("id 7#2");
    assertThat(repo.find("7")).isEqualTo("tenant 7#1");
    assertThat(calls()).isEqualTo(2);
  }

  @Test
  void nullResultsAreMemoized() throws Exception {
    beginRequest();
    assertThat(repo.findNothing("x")).isNull();
    assertThat(repo.findNothing("x")).isNull();
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void primitiveResultsAreMemoized() throws Exception {
    beginRequest();
    assertThat(repo.countSum(1, 2)).isEqualTo(1003);
    assertThat(repo.countSum(1, 2)).isEqualTo(1003);
    assertThat(repo.countSum(2, 1)).isEqualTo(2003);
  }

  @Test
  void exceptionsPropagateUnchangedAndAreNotCached() throws Exception {
    beginRequest();
    assertThatThrownBy(() -> repo.fetchFailing("k")).isInstanceOf(IllegalStateException.class)
        .hasMessage("boom 1");
    assertThatThrownBy(() -> repo.fetchFailing("k")).hasMessage("boom 2");
  }

  @Test
  void arrayArgumentsAreKeyedByContentAndCopied() throws Exception {
    beginRequest();
    long[] ids = {1, 2};
    String first = repo.findByIds(ids);
    assertThat(repo.findByIds(new long[] {1, 2})).isSameAs(first);
    ids[1] = 3;
    assertThat(repo.findByIds(ids)).isEqualTo("[1, 3]#2");
    assertThat(repo.findByIds(new long[] {1, 2})).isSameAs(first);
  }

  @Test
  void varargsAreKeyedByContent() throws Exception {
    beginRequest();
    String first = repo.findByNamesVarargs("a", "b");
    assertThat(repo.findByNamesVarargs("a", "b")).isSameAs(first);
    assertThat(repo.findByNamesVarargs("a")).isNotEqualTo(first);
  }

  @Test
  void mutatedCollectionArgumentDoesNotReturnTheResultForItsOldState() throws Exception {
    beginRequest();
    List<String> names = new ArrayList<>(List.of("a"));
    String first = repo.findByNames(names);
    names.add("b");
    assertThat(repo.findByNames(names)).isEqualTo("[a, b]#2");
    names.remove("b");
    assertThat(repo.findByNames(names)).isSameAs(first);
  }

  @Test
  void mutableArgumentOfUnknownTypePassesThroughWithANotice() throws Exception {
    beginRequest();
    StringBuilder builder = new StringBuilder("x");
    repo.findByBuilder(builder);
    repo.findByBuilder(builder);
    assertThat(calls()).isEqualTo(2);
    assertThat(sink.notices).singleElement().asString().contains("findByBuilder")
        .contains("java.lang.StringBuilder");
  }

  @Test
  void voidAndStreamMethodsAreNeverMemoized() throws Exception {
    beginRequest();
    repo.loadTouch();
    repo.loadTouch();
    assertThat(repo.listStream().count()).isEqualTo(1);
    assertThat(repo.listStream().count()).isEqualTo(1);
    assertThat(calls()).isEqualTo(4);
    assertThat(notices).anySatisfy(n -> assertThat(n).contains("loadTouch").contains("void"))
        .anySatisfy(n -> assertThat(n).contains("listStream").contains("java.util.stream.Stream"));
  }

  @Test
  void withoutInvalidateRulesAnUnknownPublicMethodClearsTheClassEntries() throws Exception {
    beginRequest();
    String first = repo.find("acme", 1);
    repo.renderReport("r");
    assertThat(repo.find("acme", 1)).isNotSameAs(first).isEqualTo("acme/1#3");
  }

  @Test
  void explicitInvalidateRuleReplacesTheDefault() throws Exception {
    Selector selector = new Selector(Selector.Kind.CLASS, CountingRepository.class.getName(), 5);
    repo = weave(List.of(new InvalidateRule(selector, List.of("save*"), InvalidateRule.Clears.CLASS)));
    beginRequest();
    String first = repo.find("acme", 1);
    repo.renderReport("r");
    assertThat(repo.find("acme", 1)).isSameAs(first);
    repo.save("v");
    assertThat(repo.find("acme", 1)).isNotSameAs(first);
  }

  @Test
  void requestClearingRuleDropsEveryEntry() throws Exception {
    Selector selector = new Selector(Selector.Kind.CLASS, CountingRepository.class.getName(), 5);
    repo = weave(List.of(new InvalidateRule(selector, List.of("save*"), InvalidateRule.Clears.REQUEST)));
    beginRequest();
    String first = repo.find("acme", 1);
    repo.save("v");
    assertThat(repo.find("acme", 1)).isNotSameAs(first);
  }

  @Test
  void maxEntriesBoundsTheTableAndCallsPassThroughBeyondIt() throws Exception {
    Settings.configure(OnMutation.INVALIDATE, 2, 10_000, new String[0], sink);
    beginRequest();
    repo.find(1L);
    repo.find(2L);
    repo.find(3L);
    repo.find(3L);
    assertThat(calls()).isEqualTo(4);
    repo.find(1L);
    assertThat(calls()).isEqualTo(4);
  }
}
