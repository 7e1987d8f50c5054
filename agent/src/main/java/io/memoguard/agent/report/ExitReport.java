package io.memoguard.agent.report;

import io.memoguard.agent.instrument.FieldBarrierTransformer;
import io.memoguard.agent.instrument.RuleUsage;
import io.memoguard.agent.instrument.TimedTransformer;
import io.memoguard.runtime.Stats;

/** Runs at JVM exit: the counters, and the rules that never matched a class (likely typos). */
public final class ExitReport implements Runnable {
  private final AgentLog log;
  private final RuleUsage usage;
  private final FieldBarrierTransformer barriers;

  public ExitReport(AgentLog log, RuleUsage usage, FieldBarrierTransformer barriers) {
    this.log = log;
    this.usage = usage;
    this.barriers = barriers;
  }

  @Override
  public void run() {
    try {
      for (String rule : usage.unmatched()) {
        log.info(rule + " matched no class");
      }
      log.info("summary: requests=" + Stats.requests() + " calls=" + Stats.calls()
          + " hits=" + Stats.hits() + " misses=" + Stats.misses()
          + " pass-through=" + Stats.passThrough() + " invalidations=" + Stats.invalidations()
          + " mutations=" + Stats.mutations() + " round-trips-saved=" + Stats.hits()
          + " barrier-classes=" + (barriers == null ? 0 : barriers.transformedCount())
          + " transform-ms=" + TimedTransformer.millis());
      log.stop();
    } catch (Throwable ignored) {
      // the JVM is exiting; nothing useful can be done about a failed report
    }
  }
}
