package io.memoguard.agent.instrument;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.EventSink;
import io.memoguard.runtime.Settings;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/**
 * Weaves one class with memoize rules as the agent's planner would, for tests outside this package
 * (the runtime's own tests reach its package-private state).
 */
public final class Weaver {
  private Weaver() {}

  /** Configures the runtime with {@code sink}, then returns the woven copy of {@code type}. */
  public static Class<?> weave(Class<?> type, EventSink sink, MemoRule... rules) {
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(rules), List.of(),
        List.of(), OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });
    return planner
        .apply(new ByteBuddy().redefine(type), TypeDescription.ForLoadedType.of(type),
            Weaver.class.getClassLoader())
        .make()
        .load(new ClassLoader(Weaver.class.getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded();
  }

  /** A memoize rule for {@code methods} of {@code type}; {@code parkMillis} 0 does not park. */
  public static MemoRule rule(Class<?> type, List<String> methods, int parkMillis) {
    return new MemoRule(new Selector(Selector.Kind.CLASS, type.getName(), 1), methods, null, parkMillis);
  }
}
