package io.memoguard.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one memoized method, as {@code Class.method}: every overload and every class loader's
 * copy of the class count together, as an operator names the method. The name only labels counters;
 * entries stay per loaded class ({@link Site}). Plain adders, no lock and no allocation on a hit.
 */
public final class MethodStats {
  /** Invalidation causes, the index into {@link #invalidations}. */
  public static final int RULE = 0;
  public static final int MUTATION = 1;
  public static final int JDBC_WRITE = 2;
  public static final int SESSION = 3;
  /** Barriers no longer trusted, or a verify-mode copy beyond the memory budget. */
  public static final int OTHER = 4;
  public static final int CAUSES = 5;
  private static final String[] CAUSE_NAMES = {"rule", "mutation", "jdbc-write", "session", "other"};

  /** Beyond this many methods, the rest count under {@link #OTHER_METHODS}: memory stays bounded. */
  static final int MAX_METHODS = 2_000;
  public static final String OTHER_METHODS = "(other methods)";

  private static final ConcurrentHashMap<String, MethodStats> BY_NAME = new ConcurrentHashMap<>();
  /** Methods seen for the first time, for whoever publishes them (the agent's JMX thread). */
  private static final LinkedBlockingQueue<MethodStats> NEW = new LinkedBlockingQueue<>();

  public final String name;
  final LongAdder calls = new LongAdder();
  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder passThrough = new LongAdder();
  final LongAdder mutations = new LongAdder();
  final LongAdder wouldSave = new LongAdder();
  final LongAdder differences = new LongAdder();
  /** Requests that called the method, counted in verify mode only. */
  final LongAdder requests = new LongAdder();
  /** The first differing path verify mode found, never a value. */
  volatile String firstDifference;
  /** The measured duration of the calls that hits replaced. */
  final LongAdder savedNanos = new LongAdder();
  final LongAdder[] invalidations = adders(CAUSES);

  private MethodStats(String name) {
    this.name = name;
  }

  static MethodStats of(String name) {
    MethodStats stats = BY_NAME.get(name);
    if (stats != null) {
      return stats;
    }
    String key = BY_NAME.size() >= MAX_METHODS ? OTHER_METHODS : name;
    return BY_NAME.computeIfAbsent(key, n -> {
      MethodStats created = new MethodStats(n);
      NEW.offer(created);
      return created;
    });
  }

  /** Every method seen so far. */
  public static List<MethodStats> all() {
    return new ArrayList<>(BY_NAME.values());
  }

  /** Waits for a method seen for the first time (each is handed out once). */
  public static MethodStats awaitNew() throws InterruptedException {
    return NEW.take();
  }

  void invalidated(int cause) {
    invalidated(cause, 1);
  }

  void invalidated(int cause, int count) {
    invalidations[cause].add(count);
    Stats.INVALIDATED[cause].add(count);
    Settings.sink.invalidation(name, CAUSE_NAMES[cause], count);
  }

  /** The cause as the summary and the events name it: {@code rule}, {@code jdbc-write}... */
  public static String causeName(int cause) {
    return CAUSE_NAMES[cause];
  }

  // calls, hits and savedNanos include probe hits of requests still running (PendingCounts)
  public long calls() { return calls.sum() + PendingCounts.hits(this); }
  public long hits() { return hits.sum() + PendingCounts.hits(this); }
  public long misses() { return misses.sum(); }
  public long passThrough() { return passThrough.sum(); }
  public long mutations() { return mutations.sum(); }
  public long wouldSave() { return wouldSave.sum(); }
  public long differences() { return differences.sum(); }
  public long requests() { return requests.sum(); }
  public String firstDifference() { return firstDifference; }
  public long savedNanos() { return savedNanos.sum() + PendingCounts.savedNanos(this); }
  public long invalidations(int cause) { return invalidations[cause].sum(); }

  public long invalidations() {
    long sum = 0;
    for (LongAdder adder : invalidations) {
      sum += adder.sum();
    }
    return sum;
  }

  /** Sets every counter of every method and the totals back to zero. */
  public static void resetAll() {
    for (MethodStats stats : BY_NAME.values()) {
      stats.reset();
    }
    Stats.reset();
  }

  private void reset() {
    for (LongAdder adder : new LongAdder[] {calls, hits, misses, passThrough, mutations, wouldSave,
        differences, savedNanos, requests}) {
      adder.reset();
    }
    firstDifference = null;
    for (LongAdder adder : invalidations) {
      adder.reset();
    }
  }

  static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }
}
