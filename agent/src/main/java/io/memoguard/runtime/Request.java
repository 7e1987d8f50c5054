package io.memoguard.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memo table of one request. Entries are added by the request's own thread and by the threads
 * running work it handed off, and a write barrier on any thread may remove one, hence a concurrent
 * map: a hit reads it without taking a lock. Keys compare JDK values and identities only, so no
 * host code runs inside the map.
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

  private final ConcurrentHashMap<Key, Entry> table = new ConcurrentHashMap<>();
  private final AtomicInteger references = new AtomicInteger(1);
  /** Estimated bytes of the entries in the table ({@link MemoryBudget}). */
  private final AtomicLong bytes = new AtomicLong();
  /** The part of {@link #bytes} charged for verify mode's copies, given back at close. */
  private final AtomicLong charged = new AtomicLong();
  /** Calls of this request running now, one leader per key ({@link InFlight}). */
  final ConcurrentHashMap<Key, Flight> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  Entry get(Key key) {
    return table.get(key);
  }

  /**
   * Stores the entry. Returns the entry it replaced (a recursive call with the same key) for the
   * caller to dispose, null if there was none, or {@code entry} itself when the request is closed
   * or full and the entry was not stored.
   */
  Entry put(Key key, Entry entry) {
    if (closed || table.size() >= Settings.maxEntries || !makeRoom(entry.bytes)) {
      return entry;
    }
    Entry previous = table.put(key, entry);
    added(entry);
    if (previous != null) {
      removed(previous);
    }
    // a close() on another thread between the check and the put has swept the table already: an
    // entry left behind would stay tracked, its objects' barriers firing after the request ended
    if (closed && table.remove(key, entry)) {
      removed(entry);
      MemoryBudget.closed(this);
      if (previous != null) {
        previous.dispose();
      }
      return entry;
    }
    return previous;
  }

  /**
   * Drops this request's own entries until the new one fits its budget and the budget of all
   * requests; false, dropping nothing, when it cannot fit at all.
   */
  private boolean makeRoom(long needed) {
    if (!MemoryBudget.fits(needed)) {
      MemoryBudget.dropped(MemoryBudget.pressure ? MemoryBudget.PRESSURE
          : "a single result is over requests.max-bytes or requests.max-total-bytes");
      return false;
    }
    if (MemoryBudget.hasRoom(bytes.get(), needed)) {
      return true;
    }
    for (Map.Entry<Key, Entry> e : table.entrySet()) {
      if (table.remove(e.getKey(), e.getValue())) {
        removed(e.getValue());
        e.getValue().dispose();
        if (MemoryBudget.hasRoom(bytes.get(), needed)) {
          MemoryBudget.dropped("requests.max-bytes or requests.max-total-bytes");
          return true;
        }
      }
    }
    MemoryBudget.dropped("requests.max-total-bytes, held by other requests");
    return false;
  }

  /**
   * Counts bytes kept besides the entries (verify mode's fresh copies) until the request closes;
   * false, counting nothing, when they do not fit the budget.
   */
  boolean charge(long extra) {
    if (closed) {
      return false;
    }
    if (!MemoryBudget.fits(extra) || !MemoryBudget.hasRoom(bytes.get(), extra)) {
      MemoryBudget.dropped("verify mode's copies are over requests.max-bytes or"
          + " requests.max-total-bytes");
      return false;
    }
    bytes.addAndGet(extra);
    charged.addAndGet(extra);
    MemoryBudget.added(this, extra);
    return true;
  }

  private void added(Entry entry) {
    bytes.addAndGet(entry.bytes);
    MemoryBudget.added(this, entry.bytes);
  }

  private void removed(Entry entry) {
    bytes.addAndGet(-entry.bytes);
    MemoryBudget.removed(entry.bytes);
  }

  /** Removes the entry if it is still the current one for its key; the caller disposes it. */
  boolean remove(Entry entry) {
    if (table.remove(entry.key, entry)) {
      removed(entry);
      return true;
    }
    return false;
  }

  /**
   * Removes and returns the entries that a call of a method of {@code writer} may make stale
   * ({@link Site#clearedBy}); each is returned once only.
   */
  List<Entry> removeType(Class<?> writer) {
    List<Entry> removed = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : table.entrySet()) {
      if (e.getKey().site.clearedBy(writer) && table.remove(e.getKey(), e.getValue())) {
        removed(e.getValue());
        removed.add(e.getValue());
      }
    }
    return removed;
  }

  List<Entry> removeAll() {
    List<Entry> removed = new ArrayList<>(table.size());
    for (Map.Entry<Key, Entry> e : table.entrySet()) {
      if (table.remove(e.getKey(), e.getValue())) {
        removed(e.getValue());
        removed.add(e.getValue());
      }
    }
    return removed;
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

  /** Ends the request: later stores are refused and every entry is detached from its objects. */
  void close() {
    closed = true;
    for (Entry entry : removeAll()) {
      entry.dispose();
    }
    long extra = charged.getAndSet(0);
    bytes.addAndGet(-extra);
    MemoryBudget.removed(extra);
    MemoryBudget.closed(this);
  }
}
