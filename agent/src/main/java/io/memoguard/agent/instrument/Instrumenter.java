package io.memoguard.agent.instrument;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import io.memoguard.agent.instrument.classfile.HostClassFiles;
import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import io.memoguard.agent.instrument.classfile.WeakTypePoolCache;
import io.memoguard.runtime.Memoizer;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs memoization, invalidation and request-boundary advice with Byte Buddy. Only advice is
 * woven here (no members are added), so these classes could be retransformed; field barriers are
 * the {@link FieldBarrierTransformer}'s job.
 */
public final class Instrumenter {
  private final TypePlanner planner;
  private final BiConsumer<String, Throwable> onFailure;
  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  public Instrumenter(AgentConfig config, RuleUsage usage, Consumer<String> notice,
      BiConsumer<String, Throwable> onFailure) {
    this.planner = new TypePlanner(config, usage, notice);
    this.onFailure = onFailure;
  }

  public void install(Instrumentation inst) {
    install(inst, false);
  }

  /**
   * @param loadedBefore the agent was attached at run time: the transformer must be able to
   *     retransform, see {@link #retransformLoaded}
   */
  public void install(Instrumentation inst, boolean loadedBefore) {
    // The agent never uses Byte Buddy's Nexus (no LoadedTypeInitializers); probing for it touches
    // sun.misc.Unsafe, which JDK 24+ reports on the host's standard error. The property name is the
    // relocated one, so the host's own Byte Buddy is unaffected.
    System.setProperty("io.memoguard.shaded.bytebuddy.nexus.disabled", "true");
    inst.addTransformer(new TimedTransformer(transformer(inst)), loadedBefore);
  }

  /**
   * After a run-time attach, once the runtime is configured (advised code runs at once on the
   * host's threads): classes loaded before get their advice.
   *
   * @return how many loaded classes were retransformed
   */
  public int retransformLoaded(Instrumentation inst) {
    return LoadedClasses.retransformRelevant(inst, planner, onFailure);
  }

  /** The transformer {@link #install} registers; {@code inst} is null in unit tests (no read edges). */
  ClassFileTransformer transformer(Instrumentation inst) {
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
        .with(new FailureListener())
        .ignore((type, loader, module, redefined, domain) -> isIgnored(type.getName(), loader));
    if (inst != null) {
      builder = builder.assureReadEdgeTo(inst, Memoizer.class);
    }
    return new RecordingCodeSources(planner.prefilter(builder
        .type((type, loader, module, redefined, domain) -> planner.isRelevant(type, loader))
        .transform(this::transform)
        .makeRaw()));
  }

  private DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader, JavaModule module, ProtectionDomain domain) {
    return planner.apply(builder, type, loader);
  }

  /**
   * JDK and agent classes are left alone, with one exception: the JDK HTTP server's filter chain,
   * the only place that sees every exchange when handlers are lambdas (which no transformer sees).
   */
  static boolean isIgnored(String name, ClassLoader loader) {
    return NeverInstrumented.isSkippedByAdvice(name, loader);
  }

  /** Tells {@link HostClassFiles} where each class came from before anything describes it. */
  private static final class RecordingCodeSources implements ClassFileTransformer {
    private final ClassFileTransformer delegate;

    RecordingCodeSources(ClassFileTransformer delegate) {
      this.delegate = delegate;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className,
        Class<?> classBeingRedefined, ProtectionDomain domain, byte[] classfileBuffer)
        throws IllegalClassFormatException {
      HostClassFiles.INSTANCE.record(loader, domain);
      return delegate.transform(module, loader, className, classBeingRedefined, domain,
          classfileBuffer);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
        ProtectionDomain domain, byte[] classfileBuffer) throws IllegalClassFormatException {
      HostClassFiles.INSTANCE.record(loader, domain);
      return delegate.transform(loader, className, classBeingRedefined, domain, classfileBuffer);
    }
  }

  private final class FailureListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
        Throwable throwable) {
      if (failed.add(typeName)) {
        onFailure.accept(typeName, throwable);
      }
    }
  }
}
