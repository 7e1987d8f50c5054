package io.memoguard.agent.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts mutations per site and decides which of them get a log line: the first one of a site,
 * then at most one per interval, carrying how many occurrences it stands for. A loop that writes
 * to a cached object a million times costs one line a minute, and the exit report still has the
 * total. Lock-free: barriers on many threads may report at once, and the host must never wait on
 * the agent.
 */
final class MutationSites {
  static final long INTERVAL_MILLIS = 60_000;
  /** Bounds memory when sites keep varying (late-detected paths carry element indexes). */
  static final int MAX_SITES = 1_000;
  static final int MAX_SUMMARY_LINES = 100;

  private final LongSupplier clockMillis;
  private final long intervalMillis;
  private final ConcurrentHashMap<String, Counter> sites = new ConcurrentHashMap<>();
  private final Counter overflow;

  /** A line to write: it stands for {@code occurrences} events; WARN if any of them asked for it. */
  record Line(long occurrences, boolean warn) {
    /** Appended to the line when it stands for more than itself. */
    String suffix() {
      return occurrences > 1 ? " (x" + occurrences + " since last report)" : "";
    }
  }

  /** A site's total at exit. */
  record Total(String label, long count) {}

  MutationSites(LongSupplier clockMillis, long intervalMillis) {
    this.clockMillis = clockMillis;
    this.intervalMillis = intervalMillis;
    this.overflow = new Counter("at other sites (beyond the first " + MAX_SITES + " distinct ones)",
        clockMillis.getAsLong() - intervalMillis);
  }

  /**
   * Counts one event of the site.
   *
   * @param key identifies the site
   * @param label how the exit summary names the site, e.g. {@code at X.m(X.java:12): a.B.field}
   * @param warn whether this event on its own would be logged at WARN
   * @return the line to log, or null when the event is only counted
   */
  Line admit(String key, String label, boolean warn) {
    long now = clockMillis.getAsLong();
    Counter counter = sites.get(key);
    if (counter == null) {
      counter = sites.size() >= MAX_SITES
          ? overflow
          : sites.computeIfAbsent(key, k -> new Counter(label, now - intervalMillis));
    }
    counter.total.incrementAndGet();
    counter.pending.incrementAndGet();
    if (warn) {
      counter.warnPending.set(true);
    }
    long last = counter.lastLine.get();
    if (now - last < intervalMillis || !counter.lastLine.compareAndSet(last, now)) {
      return null;
    }
    long occurrences = Math.max(1, counter.pending.getAndSet(0));
    return new Line(occurrences, counter.warnPending.getAndSet(false) || warn);
  }

  /** Every site with its total, most frequent first. */
  List<Total> totals() {
    List<Total> totals = new ArrayList<>();
    for (Counter counter : sites.values()) {
      totals.add(new Total(counter.label, counter.total.get()));
    }
    if (overflow.total.get() > 0) {
      totals.add(new Total(overflow.label, overflow.total.get()));
    }
    totals.sort(Comparator.comparingLong(Total::count).reversed().thenComparing(Total::label));
    return totals;
  }

  private static final class Counter {
    final String label;
    final AtomicLong total = new AtomicLong();
    /** Events not yet covered by a line. */
    final AtomicLong pending = new AtomicLong();
    final AtomicLong lastLine;
    final AtomicBoolean warnPending = new AtomicBoolean();

    Counter(String label, long lastLine) {
      this.label = label;
      this.lastLine = new AtomicLong(lastLine);
    }
  }
}
