package io.memoguard.agent.instrument;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import io.memoguard.agent.instrument.classfile.HostClassFiles;
import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import io.memoguard.runtime.Settings;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Installs memoization, invalidation and request-boundary advice: when and behind what Byte
 * Buddy's transformer ({@link AdviceTransformer}) runs. Only advice is woven (no members are
 * added), so these classes could be retransformed; field barriers are the
 * {@link FieldBarrierTransformer}'s job.
 */
public final class Instrumenter {
  private final TypePlanner planner;
  private final BiConsumer<String, Throwable> onFailure;
  /** Set by {@link #installGate}. */
  private AdviceGate gate;

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
    disableNexus();
    inst.addTransformer(new TimedTransformer(transformer(inst)), loadedBefore);
  }

  /**
   * premain's way: registers the transformer at once, with the prefilter in front and an
   * {@link AdviceGate} in place of Byte Buddy's part, which {@link #build} makes later on a
   * thread of its own (building it loads about a thousand classes, 0.5-1 s of the host's start).
   * Retransformation is allowed: a class that loaded without its advice gets it that way.
   *
   * @param warn where the classes that load without their advice are reported
   */
  public void installGate(Instrumentation inst, Consumer<String> warn) {
    disableNexus();
    gate = new AdviceGate(AdviceGate.WAIT_MILLIS, type -> {
      // before the class runs: no request may count on advice it lacks
      Settings.hold(true);
      warn.accept(type + " loaded before the agent's advice was ready; it runs without advice, and"
          + " no request is memoized, until it is retransformed");
    });
    inst.addTransformer(new TimedTransformer(new RecordingCodeSources(planner.prefilter(gate))),
        true);
  }

  /**
   * premain failed after {@link #installGate}: {@link #build} will not run, so the gate lets every
   * class load unchanged instead of holding it for the build.
   */
  public void abandon() {
    if (gate != null) {
      gate.fail();
    }
  }

  /**
   * Starts the daemon thread that runs {@code first}, builds the transformer behind the gate of
   * {@link #installGate}, retransforms the classes that loaded without it, then runs {@code then}.
   *
   * <p>{@code first} runs before the gate opens. No request can open before then: every request
   * boundary is advice the gate holds back, and a class that loads without it opens none. So what
   * must be in place before the first request, but not before the host's first class, belongs in
   * {@code first}.
   *
   * @param log where the outcome is reported: {@code log.accept(false, line)} for information,
   *     {@code true} for a warning
   */
  public void build(Instrumentation inst, BiConsumer<Boolean, String> log, Runnable first,
      Runnable then) {
    AdviceGate opened = gate;
    Thread thread = new Thread(() -> build(inst, opened, log, first, then),
        "memoguard-advice-build");
    thread.setDaemon(true);
    opened.builtBy(thread);
    thread.start();
  }

  private void build(Instrumentation inst, AdviceGate opened, BiConsumer<Boolean, String> log,
      Runnable first, Runnable then) {
    long start = System.nanoTime();
    Map<ClassLoader, Set<String>> late;
    try {
      first.run();
    } catch (Throwable failure) {
      // what first does reports its own failures; this is only what escaped them, and the advice
      // does not depend on it
      log.accept(true, "the agent's background start-up failed (" + failure.getClass().getName()
          + "); the advice is prepared all the same");
    }
    try {
      // the gate sits behind the prefilter already (see installGate): a second one would parse the
      // header of each class it passes again, and read ancestors into an index of its own
      late = opened.open(AdviceTransformer.make(planner, inst, onFailure));
    } catch (Throwable failure) {
      opened.fail();
      log.accept(true, "could not prepare the memoize and request-boundary advice ("
          + failure.getClass().getName() + "); the application runs without it");
      return;
    }
    log.accept(false, "memoize and request-boundary advice ready after "
        + (System.nanoTime() - start) / 1_000_000 + " ms (built in the background)");
    try {
      if (!late.isEmpty()) {
        retransformLate(inst, late, log);
      }
      then.run();
    } catch (Throwable failure) {
      // nothing may escape onto the host's standard error through the default handler
      log.accept(true, "the agent's background start-up failed (" + failure.getClass().getName()
          + "); what it had not done yet stays undone");
    }
  }

  /**
   * A class handed back by the gate may still be being defined by its loading thread; it is
   * looked for again for a while. One that never shows up was never defined, so never ran.
   */
  private void retransformLate(Instrumentation inst, Map<ClassLoader, Set<String>> late,
      BiConsumer<Boolean, String> log) {
    int advised = 0;
    int failures = 0;
    for (int attempt = 0; attempt < 50 && !late.isEmpty(); attempt++) {
      if (attempt > 0) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      List<Class<?>> found = LoadedClasses.take(inst, late);
      int done = LoadedClasses.retransform(inst, found, onFailure);
      advised += done;
      failures += found.size() - done;
    }
    if (failures == 0) {
      Settings.hold(false);
    }
    log.accept(failures > 0, advised + " class(es) loaded before the advice was ready advised by"
        + " retransformation" + (failures == 0 ? "; requests are memoized again"
            : ", " + failures + " could not be: requests stay unmemoized"));
  }

  /**
   * The agent never uses Byte Buddy's Nexus (no LoadedTypeInitializers); probing for it touches
   * sun.misc.Unsafe, which JDK 24+ reports on the host's standard error. The property name is the
   * relocated one, so the host's own Byte Buddy is unaffected.
   */
  private static void disableNexus() {
    System.setProperty("io.memoguard.shaded.bytebuddy.nexus.disabled", "true");
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
    return new RecordingCodeSources(
        planner.prefilter(AdviceTransformer.make(planner, inst, onFailure)));
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
}
