package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.BarrierTrust;
import io.memoguard.runtime.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memo table of one {@link Request}: its entries and the bytes they keep reachable. Entries
 * are added by the request's own thread and by the threads running work it handed off, and a
 * write barrier on any thread may remove one, hence a concurrent map: a hit reads it without
 * taking a lock. Keys compare JDK values and identities only, so no host code runs inside the map.
 */
final class MemoTable {
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
  /** Estimated bytes of the entries in the table ({@link MemoryBudget}). */
  private final AtomicLong bytes = new AtomicLong();
  /** The part of {@link #bytes} charged for verify mode's copies, given back at close. */
  private final AtomicLong charged = new AtomicLong();
  private volatile boolean closed;

  /**
   * The live entry for the key, after its snapshot is checked, or null; counts nothing. A change
   * found by the check is a mutation ({@link Mutations#changedBeforeHit}).
   */
  Entry lookup(Key k) {
    return find(k);
  }

  /** {@link #lookup} for a {@link Key} or a {@link Probe} of one. */
  Entry find(Object keyOrProbe) {
    Entry entry = entries.get(keyOrProbe);
    if (entry == null || !entry.live) {
      return null;
    }
    if (entry.trustEpoch != BarrierTrust.epoch) {
      // taken while barriers were trusted that no longer are: its guarded objects have no snapshot
      entry.invalidate(MethodStats.OTHER);
      return null;
    }
    Snapshot snapshot = entry.snapshot;
    if (snapshot.needsCheck()) {
      String changed = snapshot.check();
      if (changed != null && Mutations.changedBeforeHit(entry, changed)) {
        return null;
      }
    }
    return entry;
  }

  /**
   * Stores the entry. Returns the entry it replaced (a recursive call with the same key) for the
   * caller to dispose, null if there was none, or {@code entry} itself when the request is closed
   * or full and the entry was not stored.
   */
  Entry put(Key key, Entry entry) {
    if (closed || entries.size() >= Settings.maxEntries || !makeRoom(entry.bytes)) {
      return entry;
    }
    Entry previous = entries.put(key, entry);
    added(entry);
    if (previous != null) {
      removed(previous);
    }
    // a close() on another thread between the check and the put has swept the table already: an
    // entry left behind would stay tracked, its objects' barriers firing after the request ended
    if (closed && entries.remove(key, entry)) {
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
    for (Map.Entry<Key, Entry> e : entries.entrySet()) {
      if (entries.remove(e.getKey(), e.getValue())) {
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
    if (entries.remove(entry.key, entry)) {
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
    for (Map.Entry<Key, Entry> e : entries.entrySet()) {
      if (e.getKey().site.clearedBy(writer) && entries.remove(e.getKey(), e.getValue())) {
        removed(e.getValue());
        removed.add(e.getValue());
      }
    }
    return removed;
  }

  /**
   * Removes and returns the entries whose values hold objects of a persistence context
   * ({@link Snapshot#holdsPersistent()}): a new one has opened, and they would be detached in it.
   */
  List<Entry> removePersistent() {
    List<Entry> removed = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : entries.entrySet()) {
      if (e.getValue().snapshot.holdsPersistent() && entries.remove(e.getKey(), e.getValue())) {
        removed(e.getValue());
        removed.add(e.getValue());
      }
    }
    return removed;
  }

  List<Entry> removeAll() {
    List<Entry> removed = new ArrayList<>(entries.size());
    for (Map.Entry<Key, Entry> e : entries.entrySet()) {
      if (entries.remove(e.getKey(), e.getValue())) {
        removed(e.getValue());
        removed.add(e.getValue());
      }
    }
    return removed;
  }

  /** Ends the table: later stores are refused and every entry is detached from its objects. */
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
