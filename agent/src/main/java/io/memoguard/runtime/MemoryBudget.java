package io.memoguard.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what memoized values keep reachable: per request ({@code requests.max-bytes}) and across
 * all open requests ({@code requests.max-total-bytes}), in bytes estimated by the walk at store
 * time ({@link Footprint}). Dropping an entry is always safe (the next call just runs), so over
 * budget a request first drops its own entries and otherwise stores nothing; under heap pressure
 * ({@link HeapPressure}) every open request drops everything. Accounting happens when the table
 * changes, never on a hit.
 */
final class MemoryBudget {
  /** Fractions of the maximum heap, when the configuration does not say. */
  static final double DEFAULT_REQUEST_FRACTION = 0.05;
  static final double DEFAULT_TOTAL_FRACTION = 0.15;

  static volatile long maxRequestBytes = fraction(DEFAULT_REQUEST_FRACTION);
  static volatile long maxTotalBytes = fraction(DEFAULT_TOTAL_FRACTION);
  /** Set by a heap-pressure notification; stores are refused until the heap has room again. */
  static volatile boolean pressure;

  static final String PRESSURE = "heap pressure: the old generation went over 75% of its maximum";

  private static final AtomicLong RETAINED = new AtomicLong();
  /** Tables of open requests holding at least one entry: those a heap-pressure notification empties. */
  private static final Set<MemoTable> HOLDING = ConcurrentHashMap.newKeySet();

  private MemoryBudget() {}

  static long fraction(double share) {
    return (long) (Runtime.getRuntime().maxMemory() * share);
  }

  static long retained() {
    return RETAINED.get();
  }

  /** Whether an entry of this size may be stored at all, before anything is dropped for it. */
  static boolean fits(long bytes) {
    if (pressure && !HeapPressure.relieved()) {
      return false;
    }
    return bytes <= maxRequestBytes && bytes <= maxTotalBytes;
  }

  /** Whether the request may add this many bytes now; false means: drop something first. */
  static boolean hasRoom(long requestBytes, long bytes) {
    return requestBytes + bytes <= maxRequestBytes && RETAINED.get() + bytes <= maxTotalBytes;
  }

  static void added(MemoTable table, long bytes) {
    RETAINED.addAndGet(bytes);
    HOLDING.add(table);
  }

  static void removed(long bytes) {
    RETAINED.addAndGet(-bytes);
  }

  static void closed(MemoTable table) {
    HOLDING.remove(table);
  }

  /** Heap pressure: every open request drops its entries; stores wait for the heap to recover. */
  static int relieve() {
    pressure = true;
    int dropped = 0;
    for (MemoTable table : HOLDING) {
      for (Entry entry : table.removeAll()) {
        entry.dispose();
        dropped++;
      }
    }
    return dropped;
  }

  static void dropped(String why) {
    Notices.once("#memory-" + why, "memoized results are dropped to bound memory (" + why
        + "); the calls run again when repeated");
  }
}
