package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.EntryPoint;
import io.memoguard.agent.config.InvalidateRule;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.agent.config.Selector;
import io.memoguard.agent.config.Selector.Kind;
import io.memoguard.runtime.OnMutation;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

/**
 * The planner reads the configuration in premain and builds its Byte Buddy matchers later, on the
 * advice builder's thread: what the exit report and the prefilter need must not wait for them.
 */
class TypePlannerTest {
  interface Repo {}

  static final class OrderRepo implements Repo {
    public String getOrder(int id) {
      return "o" + id;
    }
  }

  private static AgentConfig config() {
    return new AgentConfig(Path.of("test.yaml"),
        List.of(new MemoRule(new Selector(Kind.IMPLEMENTS, Repo.class.getName(), 3),
            AgentConfig.DEFAULT_READ_METHODS)),
        List.of(new InvalidateRule(new Selector(Kind.CLASS, "com.typo.Writer", 5),
            List.of("save*"), InvalidateRule.Clears.CLASS)),
        List.of(), OnMutation.INVALIDATE,
        List.of(new EntryPoint(new Selector(Kind.CLASS, "com.typo.Job", 8), List.of("run"))),
        1000, 10_000, "info", null);
  }

  @Test
  void everyRuleIsKnownToTheExitReportBeforeTheMatchersAreBuilt() {
    RuleUsage usage = new RuleUsage();
    new TypePlanner(config(), usage, message -> { });

    assertThat(usage.unmatched()).containsExactly(
        "entry-point rule at line 8 (class: com.typo.Job)",
        "memoize rule at line 3 (implements: " + Repo.class.getName() + ")",
        "invalidate rule at line 5 (class: com.typo.Writer)");
  }

  @Test
  void theMatchersBuiltOnFirstUseMatchAndReportOnce() {
    RuleUsage usage = new RuleUsage();
    TypePlanner planner = new TypePlanner(config(), usage, message -> { });

    assertThat(planner.isRelevant(TypeDescription.ForLoadedType.of(OrderRepo.class),
        OrderRepo.class.getClassLoader())).isTrue();
    planner.prepare();

    assertThat(usage.unmatched()).containsExactly(
        "entry-point rule at line 8 (class: com.typo.Job)",
        "invalidate rule at line 5 (class: com.typo.Writer)");
  }
}
