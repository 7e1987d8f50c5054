package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.none;

import io.memoguard.agent.config.AgentConfig;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Loads whole packages child-first through the same {@link TypePlanner} decisions and Byte Buddy
 * transformer set-up as the agent, so that a third-party library (a JDBC driver) runs woven in
 * process with all its package-private access intact.
 */
final class PlannerClassLoader extends RewritingClassLoader {
  final List<String> errors = new CopyOnWriteArrayList<>();
  final List<String> transformed = new CopyOnWriteArrayList<>();
  final List<String> notices = new CopyOnWriteArrayList<>();
  private final ClassFileTransformer transformer;

  PlannerClassLoader(AgentConfig config, List<String> packages) {
    super(packages);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), notices::add);
    this.transformer = new AgentBuilder.Default(new ByteBuddy())
        .with(AgentBuilder.RedefinitionStrategy.DISABLED)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(new AgentBuilder.Listener.Adapter() {
          @Override
          public void onError(String typeName, ClassLoader loader, JavaModule module,
              boolean loaded, Throwable throwable) {
            errors.add(typeName + ": " + throwable);
          }

          @Override
          public void onTransformation(net.bytebuddy.description.type.TypeDescription type,
              ClassLoader loader, JavaModule module, boolean loaded,
              net.bytebuddy.dynamic.DynamicType dynamicType) {
            transformed.add(type.getName());
          }
        })
        .ignore(none())
        .type((type, loader, module, redefined, domain) -> planner.isRelevant(type, loader))
        .transform((builder, type, loader, module, domain) -> planner.apply(builder, type, loader))
        .makeRaw();
  }

  @Override
  protected byte[] rewrite(String internalName, byte[] original) {
    try {
      return transformer.transform(this, internalName, null, null, original);
    } catch (IllegalClassFormatException e) {
      throw new AssertionError(e);
    }
  }
}
