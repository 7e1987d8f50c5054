package io.memoguard.agent.report;

import io.memoguard.runtime.MethodStats;
import io.memoguard.runtime.Stats;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The counters the agent publishes, each under its summary-line key and its JMX attribute name:
 * one table, so that the exit summary, the periodic summary and the MBeans always show the same
 * numbers under names that map one to one.
 */
public final class Counters {
  /** One counter: {@code key} in summary lines, {@code attribute} in JMX. */
  public record Counter(String key, String attribute, LongSupplier value) {}

  private Counters() {}

  /** Process-wide totals. */
  public static List<Counter> totals() {
    return List.of(
        new Counter("requests", "RequestCount", Stats::requests),
        new Counter("calls", "CallCount", Stats::calls),
        new Counter("hits", "HitCount", Stats::hits),
        new Counter("misses", "MissCount", Stats::misses),
        new Counter("pass-through", "PassThroughCount", Stats::passThrough),
        new Counter("invalidations", "InvalidationCount", Stats::invalidations),
        new Counter("invalidations-rule", "RuleInvalidationCount",
            () -> Stats.invalidations(MethodStats.RULE)),
        new Counter("invalidations-mutation", "MutationInvalidationCount",
            () -> Stats.invalidations(MethodStats.MUTATION)),
        new Counter("invalidations-jdbc-write", "JdbcWriteInvalidationCount",
            () -> Stats.invalidations(MethodStats.JDBC_WRITE)),
        new Counter("invalidations-session", "SessionInvalidationCount",
            () -> Stats.invalidations(MethodStats.SESSION)),
        new Counter("invalidations-other", "OtherInvalidationCount",
            () -> Stats.invalidations(MethodStats.OTHER)),
        new Counter("mutations", "MutationCount", Stats::mutations),
        new Counter("would-save", "WouldSaveCount", Stats::wouldSave),
        new Counter("differences", "DifferenceCount", Stats::differences),
        new Counter("time-saved-ms", "EstimatedTimeSavedMillis", () -> Stats.savedNanos() / 1_000_000),
        new Counter("handed-off", "HandedOffCount", Stats::handedOff),
        new Counter("deduped", "DedupedCount", Stats::deduped),
        new Counter("dedup-timeouts", "DedupTimeoutCount", Stats::dedupTimeouts),
        new Counter("parked", "ParkedCount", Stats::parked),
        new Counter("park-timeouts", "ParkTimeoutCount", Stats::parkTimeouts),
        new Counter("jdbc-writes", "JdbcWriteCount", Stats::jdbcWrites));
  }

  /** The counters of one memoized method. */
  public static List<Counter> of(MethodStats m) {
    return List.of(
        new Counter("calls", "CallCount", m::calls),
        new Counter("hits", "HitCount", m::hits),
        new Counter("misses", "MissCount", m::misses),
        new Counter("pass-through", "PassThroughCount", m::passThrough),
        new Counter("invalidations", "InvalidationCount", m::invalidations),
        new Counter("invalidations-rule", "RuleInvalidationCount",
            () -> m.invalidations(MethodStats.RULE)),
        new Counter("invalidations-mutation", "MutationInvalidationCount",
            () -> m.invalidations(MethodStats.MUTATION)),
        new Counter("invalidations-jdbc-write", "JdbcWriteInvalidationCount",
            () -> m.invalidations(MethodStats.JDBC_WRITE)),
        new Counter("invalidations-session", "SessionInvalidationCount",
            () -> m.invalidations(MethodStats.SESSION)),
        new Counter("invalidations-other", "OtherInvalidationCount",
            () -> m.invalidations(MethodStats.OTHER)),
        new Counter("mutations", "MutationCount", m::mutations),
        new Counter("would-save", "WouldSaveCount", m::wouldSave),
        new Counter("differences", "DifferenceCount", m::differences),
        new Counter("time-saved-ms", "EstimatedTimeSavedMillis", () -> m.savedNanos() / 1_000_000));
  }

  /**
   * Each counter's key and value, alternating, each value read once: the text line and the JSON
   * fields of one summary show the same numbers.
   */
  public static Object[] read(List<Counter> counters) {
    Object[] fields = new Object[counters.size() * 2];
    for (int i = 0; i < counters.size(); i++) {
      fields[2 * i] = counters.get(i).key();
      fields[2 * i + 1] = counters.get(i).value().getAsLong();
    }
    return fields;
  }

  /** {@code key=value} pairs separated by spaces, from {@link #read}. */
  public static String line(Object[] fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(fields[i]).append('=').append(fields[i + 1]);
    }
    return out.toString();
  }

  /** Caffeine's convention: 1.0 when nothing was looked up yet. */
  public static double hitRate(long hits, long misses) {
    long lookups = hits + misses;
    return lookups == 0 ? 1.0 : (double) hits / lookups;
  }
}
