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

  private Stats() {}

  public static long requests() { return REQUESTS.sum(); }
  public static long calls() { return CALLS.sum(); }
  public static long hits() { return HITS.sum(); }
  public static long misses() { return MISSES.sum(); }
  public static long passThrough() { return PASS_THROUGH.sum(); }
  public static long invalidations() { return INVALIDATIONS.sum(); }
  public static long mutations() { return MUTATIONS.sum(); }
  public static long handedOff() { return HANDED_OFF.sum(); }
}
