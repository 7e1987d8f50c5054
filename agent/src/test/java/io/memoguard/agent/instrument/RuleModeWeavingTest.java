package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.EventSink;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.testrepo.TagRepository;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A memoize rule's on-mutation is woven into the methods it matched: the entries of those methods
 * follow it whatever the global mode, and methods of rules without one follow the global mode.
 */
class RuleModeWeavingTest {
  private final RecordingSink sink = new RecordingSink();
  private Object repo;
  private boolean inRequest;

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    assertThat(sink.errors).isEmpty();
  }

  private void weave(OnMutation globalMode, MemoRule... rules) throws Exception {
    Settings.configure(globalMode, 1000, 10_000, new String[0], sink);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(rules), List.of(),
        List.of(), OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });
    Class<?> woven = planner
        .apply(new ByteBuddy().redefine(TagRepository.class),
            TypeDescription.ForLoadedType.of(TagRepository.class), getClass().getClassLoader())
        .make()
        .load(new ClassLoader(getClass().getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded();
    repo = woven.getConstructor().newInstance();
    inRequest = RequestScope.enter();
  }

  private static MemoRule rule(List<String> methods, OnMutation mode) {
    return new MemoRule(new Selector(Selector.Kind.CLASS, TagRepository.class.getName(), 1),
        methods, mode);
  }

  @SuppressWarnings("unchecked")
  private List<String> call(String method) throws Exception {
    return (List<String>) repo.getClass().getMethod(method, String.class).invoke(repo, "k");
  }

  /** Mutates the list the method returned, calls again; returns whether the same list came back. */
  private boolean servedAgainAfterMutation(String method) throws Exception {
    List<String> first = call(method);
    first.add("changed");
    return call(method) == first;
  }

  @Test
  void failRuleUnderGlobalInvalidate() throws Exception {
    weave(OnMutation.INVALIDATE, rule(List.of("find*"), OnMutation.FAIL));
    assertThat(servedAgainAfterMutation("findTags")).isFalse();
    assertThat(sink.late).singleElement().asString().endsWith("| " + EventSink.NOT_REJECTED);
  }

  @Test
  void logRuleUnderGlobalFail() throws Exception {
    weave(OnMutation.FAIL, rule(List.of("find*"), OnMutation.LOG));
    assertThat(servedAgainAfterMutation("findTags")).isTrue();
    assertThat(sink.late).singleElement().asString().endsWith("| " + EventSink.LOGGED);
  }

  @Test
  void ruleWithoutAModeFollowsTheGlobalOne() throws Exception {
    weave(OnMutation.LOG, rule(List.of("find*"), null));
    assertThat(servedAgainAfterMutation("findTags")).isTrue();
    assertThat(sink.late).singleElement().asString().endsWith("| " + EventSink.LOGGED);
  }

  @Test
  void eachMethodGetsTheModeOfTheFirstRuleThatMatchedIt() throws Exception {
    weave(OnMutation.LOG, rule(List.of("findTags"), OnMutation.INVALIDATE), rule(List.of("find*"), null));
    assertThat(servedAgainAfterMutation("findTags")).isFalse();
    assertThat(servedAgainAfterMutation("findLabels")).isTrue();
    assertThat(sink.late).hasSize(2);
    assertThat(sink.late.get(0).toString()).contains("TagRepository.findTags").endsWith("| " + EventSink.INVALIDATED);
    assertThat(sink.late.get(1).toString()).contains("TagRepository.findLabels").endsWith("| " + EventSink.LOGGED);
  }
}
