package io.memoguard.runtime;

import java.util.concurrent.atomic.LongAdder;

/** Process-wide counters, read by the agent for its exit summary. */
public final class Stats {
  static final LongAdder REQUESTS = new LongAdder();
  static final LongAdder CALLS = new LongAdder();
  static final LongAdder HITS = new LongAdder();
  static final LongAdder MISSES = new LongAdder();
  static final LongAdder PASS_THROUGH = new LongAdder();
  static final LongAdder INVALIDATIONS = new LongAdder();
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
  static final LongAdder JDBC_CLEARED = new LongAdder();

  private Stats() {}

  public static long requests() { return REQUESTS.sum(); }
  public static long calls() { return CALLS.sum(); }
  public static long hits() { return HITS.sum(); }
  public static long misses() { return MISSES.sum(); }
  public static long passThrough() { return PASS_THROUGH.sum(); }
  public static long invalidations() { return INVALIDATIONS.sum(); }
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
  public static long verified() { return VERIFIED.sum(); }
  /** Verify mode: would-be hits whose fresh result differed from the memoized one. */
  public static long differences() { return DIFFERENCES.sum(); }
  /** JDBC statements that may have written, executed within a request. */
  public static long jdbcWrites() { return JDBC_WRITES.sum(); }
  /** Entries dropped by those writes. */
  public static long jdbcCleared() { return JDBC_CLEARED.sum(); }
}
