package io.memoguard.runtime;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request, as seen by every thread that works for it: its {@link MemoTable}, its calls running
 * now ({@link InFlight}) and its JDBC writes ({@link JdbcWrites}).
 *
 * <p>Lifetime is a reference count of what continues the request: one reference for the boundary
 * that opened it (kept past the boundary for a servlet request in async mode), one per async
 * continuation not yet finished (a task given to {@code AsyncContext.start}, a token from
 * {@link RequestScope#capture()}). The request closes when the count reaches zero, on whichever
 * thread releases last. Tasks handed to executors take no reference: they share the request while
 * it is open and run as outside any request once it has closed (see {@link HandOff}).
 */
final class Request {
  /** JDBC writes so far; updated only through {@link JdbcWrites}. */
  volatile int jdbcWrites;

  /**
   * Hits and misses of this request, for its end event only: plain fields, so threads that share
   * the request may lose an increment; the totals of {@link Stats} stay exact.
   */
  int hits;
  int misses;

  /** Methods called so far in verify mode, for {@link MethodStats#requests()}. */
  private MethodStats[] called = new MethodStats[4];
  private int calledCount;

  final MemoTable table = new MemoTable();
  private final AtomicInteger references = new AtomicInteger(1);
  /** Calls of this request running now, one leader per key ({@link InFlight}). */
  final ConcurrentHashMap<Key, Flight> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** True the first time this request calls the method (verify mode). */
  synchronized boolean firstCallOf(MethodStats method) {
    // a request calls a handful of methods: a scan beats hashing
    for (int i = 0; i < calledCount; i++) {
      if (called[i] == method) {
        return false;
      }
    }
    if (calledCount == called.length) {
      called = Arrays.copyOf(called, calledCount * 2);
    }
    called[calledCount++] = method;
    return true;
  }

  /** Adds a reference; false, adding none, when the request has already ended. */
  boolean retain() {
    for (;;) {
      int n = references.get();
      if (n <= 0) {
        return false;
      }
      if (references.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Drops a reference; the last one closes the request. */
  void release() {
    if (references.decrementAndGet() == 0) {
      close();
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Ends the request: its table refuses later stores and detaches every entry from its objects. */
  void close() {
    closed = true;
    table.close();
    if (hits + misses > 0) {
      Settings.sink.requestEnd(hits, misses);
    }
  }
}
