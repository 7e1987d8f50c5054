package io.memoguard.agent.instrument;

import io.memoguard.agent.instrument.classfile.HostClassFiles;
import io.memoguard.agent.instrument.classfile.WeakTypePoolCache;
import io.memoguard.runtime.Memoizer;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.utility.JavaModule;

/**
 * Byte Buddy's transformer for the advice the {@link TypePlanner} chooses. A class of its own so
 * that {@link Instrumenter}, which premain loads, names no Byte Buddy type: verifying a method
 * that builds an {@code AgentBuilder} loads its interfaces, and premain should not.
 */
final class AdviceTransformer {
  private AdviceTransformer() {}

  /**
   * @param inst null in unit tests (no read edges)
   * @param onFailure told of each class that could not be transformed, once
   */
  static ClassFileTransformer make(TypePlanner planner, Instrumentation inst,
      BiConsumer<String, Throwable> onFailure) {
    // here, on the builder's thread, rather than inside the first host class's transformation
    planner.prepare();
    // Advice goes on methods the class declares (Advise matches exactly those), so the method
    // graph need not be compiled over every ancestor's methods, which reads each ancestor's class
    AgentBuilder builder = new AgentBuilder.Default(
            new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
        .with(AgentBuilder.RedefinitionStrategy.DISABLED)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(new WeakTypePoolCache())
        // The cached type descriptions keep their class file locator; a strong one would keep the
        // class loader, the very key of the weak cache, and so every undeployed application.
        .with(HostClassFiles.INSTANCE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(new FailureListener(onFailure))
        .ignore((type, loader, module, redefined, domain) ->
            Instrumenter.isIgnored(type.getName(), loader));
    if (inst != null) {
      builder = builder.assureReadEdgeTo(inst, Memoizer.class);
    }
    return builder
        .type((type, loader, module, redefined, domain) -> planner.isRelevant(type, loader))
        .transform((typeBuilder, type, loader, module, domain) ->
            planner.apply(typeBuilder, type, loader))
        .makeRaw();
  }

  private static final class FailureListener extends AgentBuilder.Listener.Adapter {
    private final BiConsumer<String, Throwable> onFailure;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    FailureListener(BiConsumer<String, Throwable> onFailure) {
      this.onFailure = onFailure;
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
        Throwable throwable) {
      if (failed.add(typeName)) {
        onFailure.accept(typeName, throwable);
      }
    }
  }
}
