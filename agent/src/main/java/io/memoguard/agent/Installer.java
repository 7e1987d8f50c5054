package io.memoguard.agent;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.OnMutation;
import io.memoguard.agent.instrument.FieldBarrierTransformer;
import io.memoguard.agent.instrument.Instrumenter;
import io.memoguard.agent.instrument.RuleUsage;
import io.memoguard.agent.instrument.TimedTransformer;
import io.memoguard.agent.report.AgentLog;
import io.memoguard.agent.report.ExitReport;
import io.memoguard.agent.report.LogEventSink;
import io.memoguard.runtime.Settings;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Wires configuration, runtime, transformers and the exit report together. */
final class Installer {
  private Installer() {}

  static void install(AgentConfig config, Instrumentation inst, AgentLog log, long premainStart) {
    openCollectionsToRuntime(inst);
    BiConsumer<String, Throwable> onFailure = (type, error) -> log.warn("could not instrument " + type
        + " (" + error + "); it runs unchanged");
    FieldBarrierTransformer barriers = null;
    if (!config.guardPackages().isEmpty()) {
      barriers = new FieldBarrierTransformer(config.guardPackages(), onFailure);
      inst.addTransformer(new TimedTransformer(barriers), false);
    }
    RuleUsage usage = new RuleUsage();
    new Instrumenter(config, usage, log::info, onFailure).install(inst);
    Settings.configure(mode(config.onMutation()), config.maxEntries(), config.maxGraphObjects(),
        config.guardPackages().toArray(new String[0]), new LogEventSink(log));
    Runtime.getRuntime().addShutdownHook(new Thread(new ExitReport(log, usage, barriers),
        "memoguard-exit-report"));
    log.info("memoguard started with " + config.source() + ": " + config.memoize().size()
        + " memoize rule(s), " + config.invalidate().size() + " invalidate rule(s), guarded packages "
        + config.guardPackages() + ", on-mutation " + config.onMutation().name().toLowerCase()
        + " (agent start-up " + (System.nanoTime() - premainStart) / 1_000_000 + " ms)");
  }

  /**
   * Lets the graph walker look inside JDK collection wrappers ({@code unmodifiableList} and the
   * like) by their fields instead of iterating them, which would run the wrapped collection's code
   * (and could lazily load a Hibernate collection). Only the runtime's module gains access.
   */
  private static void openCollectionsToRuntime(Instrumentation inst) {
    Module javaBase = Object.class.getModule();
    Module runtime = Settings.class.getModule();
    if (inst.isModifiableModule(javaBase)) {
      inst.redefineModule(javaBase, Set.of(), Map.of(), Map.of("java.util", Set.of(runtime)),
          Set.of(), Map.of());
    }
  }

  private static int mode(OnMutation onMutation) {
    switch (onMutation) {
      case LOG:
        return Settings.LOG;
      case FAIL:
        return Settings.FAIL;
      case INVALIDATE:
      default:
        return Settings.INVALIDATE;
    }
  }
}
