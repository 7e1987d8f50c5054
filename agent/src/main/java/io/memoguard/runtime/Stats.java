package io.memoguard.runtime;

import java.util.concurrent.atomic.LongAdder;

/** Process-wide counters, read by the agent for its exit summary. */
public final class Stats {
  static final LongAdder REQUESTS = new LongAdder();
  static final LongAdder CALLS = new LongAdder();
  static final LongAdder HITS = new LongAdder();
  static final LongAdder MISSES = new LongAdder();
  static final LongAdder PASS_THROUGH = new LongAdder();
  /** Entries dropped, by cause ({@link MethodStats#RULE} and the others). */
  static final LongAdder[] INVALIDATED = MethodStats.adders(MethodStats.CAUSES);
  static final LongAdder MUTATIONS = new LongAdder();
  /** Tasks that ran in the request of the thread that handed them off. */
  static final LongAdder HANDED_OFF = new LongAdder();
  static final LongAdder DEDUPED = new LongAdder();
  static final LongAdder DEDUP_TIMEOUTS = new LongAdder();
  static final LongAdder PARKED = new LongAdder();
  static final LongAdder PARK_TIMEOUTS = new LongAdder();
  static final LongAdder VERIFIED = new LongAdder();
  static final LongAdder DIFFERENCES = new LongAdder();
  static final LongAdder JDBC_WRITES = new LongAdder();
  /** The measured duration of the calls that hits replaced. */
  static final LongAdder SAVED_NANOS = new LongAdder();

  private Stats() {}

  public static long requests() { return REQUESTS.sum(); }
  // calls, hits and savedNanos include probe hits of requests still running (PendingCounts)
  public static long calls() { return CALLS.sum() + PendingCounts.hits(null); }
  public static long hits() { return HITS.sum() + PendingCounts.hits(null); }
  public static long misses() { return MISSES.sum(); }
  public static long passThrough() { return PASS_THROUGH.sum(); }
  /** Entries dropped before their request ended, whatever the cause. */
  public static long invalidations() {
    long sum = 0;
    for (LongAdder adder : INVALIDATED) {
      sum += adder.sum();
    }
    return sum;
  }
  /** Entries dropped for {@code cause} ({@link MethodStats#RULE} and the others). */
  public static long invalidations(int cause) { return INVALIDATED[cause].sum(); }
  /** The measured duration of the calls that hits replaced, in nanoseconds. */
  public static long savedNanos() { return SAVED_NANOS.sum() + PendingCounts.savedNanos(null); }
  public static long mutations() { return MUTATIONS.sum(); }
  public static long handedOff() { return HANDED_OFF.sum(); }
  /** Hits served to a thread that waited for the same call running on another thread of its request. */
  public static long deduped() { return DEDUPED.sum(); }
  /** Waits for a running call of the same request that timed out; the waiter ran its own call. */
  public static long dedupTimeouts() { return DEDUP_TIMEOUTS.sum(); }
  /** Calls that waited for the same call running for another request ({@code park: true}). */
  public static long parked() { return PARKED.sum(); }
  /** Parked calls whose wait timed out ({@code park-timeout-ms}). */
  public static long parkTimeouts() { return PARK_TIMEOUTS.sum(); }
  /** Verify mode: calls that memoization would have saved (would-be hits). */
  public static long wouldSave() { return VERIFIED.sum(); }
  /** Verify mode: would-be hits whose fresh result differed from the memoized one. */
  public static long differences() { return DIFFERENCES.sum(); }
  /** JDBC statements that may have written, executed within a request. */
  public static long jdbcWrites() { return JDBC_WRITES.sum(); }

  /** Zero again, for JMX's resetStats. */
  static void reset() {
    for (LongAdder adder : new LongAdder[] {REQUESTS, CALLS, HITS, MISSES, PASS_THROUGH, MUTATIONS,
        HANDED_OFF, DEDUPED, DEDUP_TIMEOUTS, PARKED, PARK_TIMEOUTS, VERIFIED, DIFFERENCES,
        JDBC_WRITES, SAVED_NANOS}) {
      adder.reset();
    }
    for (LongAdder adder : INVALIDATED) {
      adder.reset();
    }
  }
}
