package io.memoguard.agent.report;

import io.memoguard.agent.instrument.RuleUsage;
import io.memoguard.agent.instrument.TimedTransformer;
import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import io.memoguard.runtime.MethodStats;

/**
 * Runs at JVM exit: the rules that never matched a class (likely typos), the mutation count of each
 * site (the log itself shows at most one line per site and minute), and the counters.
 */
public final class ExitReport implements Runnable {
  private final AgentLog log;
  private final RuleUsage usage;
  private final FieldBarrierTransformer barriers;
  private final LogEventSink sink;
  private final CandidatesReport candidates;

  /**
   * @param sink the sink whose mutation sites to list, or null for none
   * @param candidates the verify-mode report to write, or null for none
   */
  public ExitReport(AgentLog log, RuleUsage usage, FieldBarrierTransformer barriers,
      LogEventSink sink, CandidatesReport candidates) {
    this.log = log;
    this.usage = usage;
    this.barriers = barriers;
    this.sink = sink;
    this.candidates = candidates;
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
      for (MethodStats method : MethodStats.all()) {
        Object[] counters = Counters.read(Counters.of(method));
        log.event(false, "method " + method.name + ": " + Counters.line(counters),
            with(counters, "method", method.name));
      }
      Object[] counters = with(Counters.read(Counters.totals()),
          "barrier-classes", barriers == null ? 0 : barriers.transformedCount(),
          "transform-ms", TimedTransformer.millis());
      log.event(false, "summary: " + Counters.line(counters), counters);
      if (candidates != null) {
        candidates.write();
        log.info("candidates report written to " + candidates.file());
      }
      log.stop();
    } catch (Throwable ignored) {
      // the JVM is exiting; nothing useful can be done about a failed report
    }
  }

  private static Object[] with(Object[] fields, Object... more) {
    Object[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
    System.arraycopy(more, 0, all, fields.length, more.length);
    return all;
  }
}
