package io.memoguard.agent;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.Mode;
import io.memoguard.agent.instrument.Instrumenter;
import io.memoguard.agent.instrument.RuleUsage;
import io.memoguard.agent.instrument.TimedTransformer;
import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import io.memoguard.agent.instrument.handoff.JdkHandOffInstrumenter;
import io.memoguard.agent.instrument.reflect.FieldHandleTransformer;
import io.memoguard.agent.instrument.reflect.ReflectiveWriteTransformer;
import io.memoguard.agent.jmx.StatsPublisher;
import io.memoguard.agent.report.AgentLog;
import io.memoguard.agent.report.ExitReport;
import io.memoguard.agent.jfr.JfrEventSink;
import io.memoguard.agent.report.CandidatesReport;
import io.memoguard.agent.report.LogEventSink;
import io.memoguard.agent.report.PeriodicSummary;
import io.memoguard.runtime.ArchiveDump;
import io.memoguard.runtime.HeapPressure;
import io.memoguard.runtime.Settings;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Wires configuration, runtime, transformers and the exit report together. */
final class Installer {
  private Installer() {}

  /** @param lateAttach started by agentmain: classes loaded earlier carry no barrier */
  static void install(AgentConfig config, Instrumentation inst, AgentLog log, long premainStart,
      boolean lateAttach) {
    linkJavaBaseToRuntime(inst);
    boolean jdkAlone = ArchiveTraining.leaveJdkAlone(log, !config.guardPackages().isEmpty(),
        config.propagate());
    BiConsumer<String, Throwable> onFailure = (type, error) -> log.warn("could not instrument " + type
        + " (" + failure(error) + "); it runs unchanged");
    FieldBarrierTransformer barriers = null;
    if (!config.guardPackages().isEmpty()) {
      barriers = new FieldBarrierTransformer(config.guardPackages(), onFailure)
          .onBarrierGap(type -> BarrierGaps.writerFailed(log, type));
      if (lateAttach) {
        BarrierGaps.attachedLate(log);
      }
      inst.addTransformer(new TimedTransformer(barriers), false);
    }
    // before instrumentation: woven code reads these from its first call on
    Settings.configureModes(config.mode(), config.clearOnJdbcWrite());
    Settings.configureMemory(config.maxRequestBytes(), config.maxTotalBytes());
    RuleUsage usage = new RuleUsage();
    Instrumenter instrumenter = new Instrumenter(config, usage, log::info, onFailure);
    if (lateAttach) {
      instrumenter.install(inst, true);
    } else {
      // the host's classes start loading when premain returns: the transformer must be in place
      // now, Byte Buddy's part of it may follow (see AdviceGate)
      instrumenter.installGate(inst, log::warn);
    }
    try {
      finish(config, inst, log, premainStart, lateAttach, barriers, jdkAlone, usage, instrumenter);
    } catch (Throwable failure) {
      // the builder, started last, never will: classes the gate would hold load unchanged
      instrumenter.abandon();
      throw failure;
    }
  }

  /** What premain does once the transformers are in place; the agent's threads start last. */
  private static void finish(AgentConfig config, Instrumentation inst, AgentLog log,
      long premainStart, boolean lateAttach, FieldBarrierTransformer barriers, boolean jdkAlone,
      RuleUsage usage, Instrumenter instrumenter) {
    LogEventSink sink = new LogEventSink(log);
    Settings.configure(config.onMutation(), config.maxEntries(),
        config.maxGraphObjects(), config.guardPackages().toArray(new String[0]),
        JfrEventSink.around(sink));
    Runnable reflection = () -> { };
    if (barriers != null && !jdkAlone) {
      // after configure: from here on every Field.set call in the JVM reaches the runtime
      ReflectiveWriteTransformer reflective = new ReflectiveWriteTransformer((type, error) ->
          log.warn("could not instrument " + type + " (" + failure(error) + "); writes through"
              + " reflection (Field.set) are not guarded"));
      reflection = () -> reflective.install(inst);
      // var handles, method handle setters, field updaters and Unsafe write without PUTFIELD: the
      // fields they target are checked on read instead. Unlike a reflective write, which the
      // barrier sees when it happens, a handle is seen when it is made, possibly by the static
      // initializer of a guarded class loading right after premain: so this stays in premain.
      letReadRuntime(inst, "jdk.unsupported");
      new FieldHandleTransformer((type, error) -> log.warn("could not instrument " + type + " ("
          + failure(error) + "); fields written through the handles it creates are not guarded"))
          .install(inst);
    }
    // after configure, like the reflective barrier: JDK executors call the runtime from then on
    Runnable handOffs = config.propagate() && !jdkAlone
        ? () -> new JdkHandOffInstrumenter((type, error) -> log.warn("could not instrument " + type
            + " (" + failure(error) + "); requests are not carried into work handed to it"))
            .install(inst)
        : () -> { };
    String retransformed = "";
    if (lateAttach) {
      reflection.run();
      handOffs.run();
      retransformed = ", " + instrumenter.retransformLoaded(inst) + " class(es) loaded before the"
          + " attach advised by retransformation";
    }
    CandidatesReport candidates = CandidatesReport.of(config, log);
    Runtime.getRuntime().addShutdownHook(new Thread(
        new ExitReport(log, usage, barriers, sink, candidates), "memoguard-exit-report"));
    log.info("memoguard started with " + config.source() + ": " + config.memoize().size()
        + " memoize rule(s), " + config.invalidate().size() + " invalidate rule(s), guarded packages "
        + config.guardPackages() + ", on-mutation " + config.onMutation().name().toLowerCase()
        + ownModes(config) + parkingRules(config)
        + (config.mode() == Mode.VERIFY ? ", mode verify (every call runs; would-be hits compared)" : "")
        + (candidates == null ? "" : ", candidates report " + candidates.file())
        + (config.clearOnJdbcWrite() ? "" : ", JDBC write safety net off") + retransformed
        + " (agent start-up " + (System.nanoTime() - premainStart) / 1_000_000 + " ms)");
    // the agent's threads start last, so that premain's own steps do not share the CPU and the
    // agent jar with them; JMX loads many classes: off the host's start-up path
    Thread watch = new Thread(HeapPressure::watch, "memoguard-heap-watch");
    watch.setDaemon(true);
    watch.start();
    StatsPublisher.start(log, candidates);
    PeriodicSummary.start(log, config.summarySeconds(), candidates);
    if (!lateAttach) {
      // Byte Buddy's advice builder (~1,000 classes) and the executor retransformation (~550) off
      // the host's start-up path; work handed to an executor before then runs outside the request,
      // as in a run that trains a class-data archive. Field's retransformation too: a reflective
      // write before the first request cannot touch a memoized value, and the builder finishes
      // it before any request can open.
      Runnable reflectionLater = reflection;
      instrumenter.build(inst, (warn, line) -> {
        if (warn) {
          log.warn(line);
        } else {
          log.debug(line);
        }
      }, reflectionLater, handOffs);
    }
  }

  /**
   * Lets the graph walker look inside JDK collection wrappers ({@code unmodifiableList} and the
   * like) by their fields instead of iterating them, which would run the wrapped collection's code
   * (and could lazily load a Hibernate collection). Only the runtime's module gains access.
   * java.base also has to read the runtime's module, because the barrier in
   * {@code java.lang.reflect.Field} calls into it. {@code jdk.internal.misc} is exported to it for
   * one question only: whether the JVM is writing a class-data archive ({@link ArchiveDump}).
   */
  private static void linkJavaBaseToRuntime(Instrumentation inst) {
    Module javaBase = Object.class.getModule();
    Module runtime = Settings.class.getModule();
    if (inst.isModifiableModule(javaBase)) {
      inst.redefineModule(javaBase, Set.of(runtime), Map.of("jdk.internal.misc", Set.of(runtime)),
          Map.of("java.util", Set.of(runtime)), Set.of(), Map.of());
    }
  }

  /**
   * The class of a transformation failure and the agent frame where it happened, never its
   * message: it may come from the host's class loader (a resource look-up that threw) and carry
   * host text.
   */
  private static String failure(Throwable error) {
    return error == null ? "unknown error"
        : error.getClass().getName() + LogEventSink.agentFrame(error);
  }

  /** {@code sun.misc.Unsafe} lives in jdk.unsupported, which must read the runtime to call it. */
  private static void letReadRuntime(Instrumentation inst, String moduleName) {
    ModuleLayer.boot().findModule(moduleName).filter(inst::isModifiableModule).ifPresent(module ->
        inst.redefineModule(module, Set.of(Settings.class.getModule()), Map.of(), Map.of(), Set.of(),
            Map.of()));
  }

  private static String ownModes(AgentConfig config) {
    long own = config.memoize().stream().filter(rule -> rule.onMutation() != null).count();
    return own == 0 ? "" : " (" + own + " memoize rule(s) with their own)";
  }

  private static String parkingRules(AgentConfig config) {
    long parking = config.memoize().stream().filter(MemoRule::parks).count();
    return parking == 0 ? "" : ", " + parking + " memoize rule(s) with park: true";
  }
}
