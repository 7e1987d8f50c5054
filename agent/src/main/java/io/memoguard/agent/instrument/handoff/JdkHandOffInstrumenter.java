package io.memoguard.agent.instrument.handoff;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.memoguard.agent.instrument.classfile.AgentClassFiles;
import io.memoguard.runtime.HandOff;
import io.memoguard.runtime.RuntimeNames;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.JavaModule;

/**
 * Carries the current request into work handed to the JDK's executors. Several of these classes are
 * loaded before the agent starts, so they are retransformed, by name only (no hierarchy is
 * examined), with advice and one call-site rewrite that add no members. The main
 * {@code Instrumenter} never sees JDK classes.
 *
 * <p>A task is associated with the request where it is handed over and the request is attached
 * where a worker runs it; the task objects themselves are never replaced, so
 * {@code afterExecute(r, t)}, {@code shutdownNow()}, {@code remove(task)} and {@code Future}
 * identity behave as without the agent:
 * <ul>
 *   <li>{@code ThreadPoolExecutor}: {@code execute} (behind every {@code submit}/{@code invokeAll},
 *   the {@code Executors} pools and executors that delegate to one) hands over, {@code reject}
 *   forgets, and the worker loop's {@code task.run()} call becomes {@code HandOff.run(task)}, so
 *   {@code beforeExecute}/{@code afterExecute} run outside the request. A
 *   {@code ScheduledThreadPoolExecutor} queues its tasks without {@code execute}: scheduled work,
 *   periodic or not, runs outside any request, so a periodic task can never keep a request open.
 *   <li>{@code ForkJoinPool} / {@code ForkJoinTask}: the pool's submission methods (JDK 17
 *   {@code externalPush}/{@code externalSubmit}, JDK 19+ {@code poolSubmit}, {@code lazySubmit})
 *   and {@code fork()} hand over; {@code doExec()}, through which every worker and every joining
 *   thread runs a task, attaches. This covers {@code CompletableFuture.*Async} on the common pool.
 *   <li>{@code CompletableFuture}'s own thread-per-task executor (used when the common pool has
 *   parallelism 1 on JDK 17): the task is wrapped, since only the new thread ever sees it.
 *   <li>{@code java.lang.VirtualThread} (JDK 21+): {@code start} hands the thread over and
 *   {@code run(Runnable)} attaches, which covers {@code Executors.newVirtualThreadPerTaskExecutor()}
 *   and {@code Thread.ofVirtual().start(...)}. A virtual thread that is a
 *   {@code ThreadPoolExecutor}'s worker attaches nothing: its tasks are handed over one by one.
 * </ul>
 */
public final class JdkHandOffInstrumenter {
  static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
  static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";
  static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";
  static final String FUTURE_THREAD_PER_TASK = "java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor";
  static final String VIRTUAL_THREAD = "java.lang.VirtualThread";
  static final Set<String> TARGETS =
      Set.of(THREAD_POOL, FORK_JOIN_POOL, FORK_JOIN_TASK, FUTURE_THREAD_PER_TASK, VIRTUAL_THREAD);

  private final BiConsumer<String, Throwable> onFailure;

  public JdkHandOffInstrumenter(BiConsumer<String, Throwable> onFailure) {
    this.onFailure = onFailure;
  }

  /** Registers the transformer and retransforms those of the classes already loaded. */
  public void install(Instrumentation inst) {
    if (!inst.isRetransformClassesSupported()) {
      onFailure.accept(THREAD_POOL, new UnsupportedOperationException(
          "this JVM does not allow retransforming JDK classes"));
      return;
    }
    if (HandOff.class.getClassLoader() != null) {
      // the rewritten worker loops would fail to link: leave the executors alone
      onFailure.accept(THREAD_POOL, new IllegalStateException(
          "the memoguard runtime is not on the bootstrap class path"));
      return;
    }
    // loaded and initialized now, not inside the first executor call that reaches it
    HandOff.end(HandOff.begin(new Object()));
    Class<?>[] loaded = loadTargets();
    // advice only, into classes whose debug information nothing here reads; the advice goes on
    // declared methods alone, so no method graph over the executors' ancestors is compiled
    new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
        .with(AgentBuilder.PoolStrategy.Default.FAST)
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        // only the targets, rather than a look at every loaded class
        .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(loaded))
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(new Failures())
        .with(BootTargetsOnly.of(TARGETS))
        .ignore(JdkHandOffInstrumenter::isIgnored)
        .type((type, loader, module, redefined, domain) -> TARGETS.contains(type.getName()))
        .transform(JdkHandOffInstrumenter::transform)
        .installOn(inst);
  }

  /**
   * Loads (without initializing) the target classes before the transformer is installed, so that
   * all of them are retransformed in one batch. A target first loaded while another class is being
   * transformed would be passed over by Byte Buddy's circularity guard and stay uninstrumented.
   */
  private static Class<?>[] loadTargets() {
    List<Class<?>> loaded = new ArrayList<>();
    for (String name : TARGETS) {
      try {
        loaded.add(Class.forName(name, false, null));
      } catch (ClassNotFoundException absent) {
        // VirtualThread before JDK 21, CompletableFuture's executor where it no longer exists
      }
    }
    return loaded.toArray(new Class<?>[0]);
  }

  private static boolean isIgnored(TypeDescription type, ClassLoader loader, JavaModule module,
      Class<?> classBeingRedefined, ProtectionDomain domain) {
    return loader != null || !TARGETS.contains(type.getName());
  }

  static DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader, JavaModule module, ProtectionDomain domain) {
    switch (type.getName()) {
      case THREAD_POOL:
        return builder
            .visit(AgentClassFiles.to(HandOffAdvice.CaptureFirst.class)
                .on(named("execute").and(takesArguments(Runnable.class))))
            .visit(AgentClassFiles.to(HandOffAdvice.DiscardFirst.class)
                .on(named("reject").and(takesArguments(Runnable.class))))
            .visit(new AsmVisitorWrapper.ForDeclaredMethods()
                .method(named("runWorker"), JdkHandOffInstrumenter::runThroughHandOff));
      case FORK_JOIN_POOL:
        return builder
            .visit(AgentClassFiles.to(HandOffAdvice.CaptureFirst.class)
                .on(namedOneOf("externalPush", "externalSubmit", "lazySubmit")
                    .and(takesArguments(1)).and(takesArgument(0, named(FORK_JOIN_TASK)))))
            .visit(AgentClassFiles.to(HandOffAdvice.CaptureSecond.class)
                .on(named("poolSubmit").and(takesArguments(2))
                    .and(takesArgument(1, named(FORK_JOIN_TASK)))));
      case FORK_JOIN_TASK:
        return builder
            .visit(AgentClassFiles.to(HandOffAdvice.CaptureThis.class)
                .on(named("fork").and(takesArguments(0))))
            .visit(AgentClassFiles.to(HandOffAdvice.RunThis.class)
                .on(named("doExec").and(takesArguments(0))));
      case FUTURE_THREAD_PER_TASK:
        return builder.visit(AgentClassFiles.to(HandOffAdvice.WrapFirst.class)
            .on(named("execute").and(takesArguments(Runnable.class))));
      case VIRTUAL_THREAD:
        return builder
            .visit(AgentClassFiles.to(HandOffAdvice.CaptureThis.class)
                .on(named("start").and(not(isStatic()))))
            .visit(AgentClassFiles.to(HandOffAdvice.RunThread.class)
                .on(named("run").and(takesArguments(Runnable.class))));
      default:
        return builder;
    }
  }

  /**
   * Rewrites {@code task.run()} in the worker loop to {@code HandOff.run(task)}: same operand stack
   * effect, no branch added, so the method's frames stay valid as they are.
   */
  private static MethodVisitor runThroughHandOff(TypeDescription type,
      net.bytebuddy.description.method.MethodDescription method, MethodVisitor visitor,
      net.bytebuddy.implementation.Implementation.Context context,
      net.bytebuddy.pool.TypePool pool, int writerFlags, int readerFlags) {
    return new MethodVisitor(Opcodes.ASM9, visitor) {
      @Override
      public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
          boolean isInterface) {
        if (opcode == Opcodes.INVOKEINTERFACE && owner.equals("java/lang/Runnable")
            && name.equals("run") && descriptor.equals("()V")) {
          super.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.HAND_OFF, "run",
              "(Ljava/lang/Runnable;)V", false);
        } else {
          super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
      }
    };
  }

  private final class Failures extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
        Throwable throwable) {
      onFailure.accept(typeName, throwable);
    }
  }
}
