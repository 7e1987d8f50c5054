package io.memoguard.agent.report;

import io.memoguard.agent.instrument.RuleUsage;
import io.memoguard.agent.instrument.TimedTransformer;
import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import io.memoguard.runtime.Stats;

/**
 * Runs at JVM exit: the rules that never matched a class (likely typos), the mutation count of each
 * site (the log itself shows at most one line per site and minute), and the counters.
 */
public final class ExitReport implements Runnable {
  private final AgentLog log;
  private final RuleUsage usage;
  private final FieldBarrierTransformer barriers;
  private final LogEventSink sink;

  /** @param sink the sink whose mutation sites to list, or null for none */
  public ExitReport(AgentLog log, RuleUsage usage, FieldBarrierTransformer barriers,
      LogEventSink sink) {
    this.log = log;
    this.usage = usage;
    this.barriers = barriers;
    this.sink = sink;
  }

  @Override
  public void run() {
    try {
      for (String rule : usage.unmatched()) {
        log.info(rule + " matched no class");
      }
      if (sink != null) {
        for (String line : sink.siteSummary()) {
          log.info(line);
        }
        for (String line : sink.differenceSummary()) {
          log.info(line);
        }
      }
      log.info("summary: requests=" + Stats.requests() + " calls=" + Stats.calls()
          + " hits=" + Stats.hits() + " misses=" + Stats.misses()
          + " pass-through=" + Stats.passThrough() + " invalidations=" + Stats.invalidations()
          + " mutations=" + Stats.mutations() + " handed-off=" + Stats.handedOff()
          + " round-trips-saved=" + Stats.hits()
          + " deduped=" + Stats.deduped() + " dedup-timeouts=" + Stats.dedupTimeouts()
          + " parked=" + Stats.parked() + " park-timeouts=" + Stats.parkTimeouts()
          + " verified=" + Stats.verified() + " would-save=" + Stats.verified()
          + " differences=" + Stats.differences()
          + " jdbc-writes=" + Stats.jdbcWrites() + " jdbc-cleared=" + Stats.jdbcCleared()
          + " barrier-classes=" + (barriers == null ? 0 : barriers.transformedCount())
          + " transform-ms=" + TimedTransformer.millis());
      log.stop();
    } catch (Throwable ignored) {
      // the JVM is exiting; nothing useful can be done about a failed report
    }
  }
}
