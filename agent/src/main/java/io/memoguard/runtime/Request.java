package io.memoguard.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memo table of one request. Entries are added only by the request's own thread, but a write
 * barrier on another thread may remove one, hence a concurrent map: a hit reads it without taking
 * a lock. Keys hold only JDK value types, so no host code runs inside the map.
 */
final class Request {
  /** Boundary nesting depth; touched only by the owning thread. */
  int depth;

  /** JDBC writes so far; updated only through {@link JdbcWrites}. */
  volatile int jdbcWrites;

  private final ConcurrentHashMap<Key, Entry> table = new ConcurrentHashMap<>();
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
    if (closed || table.size() >= Settings.maxEntries) {
      return entry;
    }
    return table.put(key, entry);
  }

  /** Removes the entry if it is still the current one for its key; the caller disposes it. */
  boolean remove(Entry entry) {
    return table.remove(entry.key, entry);
  }

  /** Removes and returns the entries of methods of {@code type}; each is returned once only. */
  List<Entry> removeType(String type) {
    List<Entry> removed = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : table.entrySet()) {
      if (e.getKey().site.type.equals(type) && table.remove(e.getKey(), e.getValue())) {
        removed.add(e.getValue());
      }
    }
    return removed;
  }

  List<Entry> removeAll() {
    List<Entry> removed = new ArrayList<>(table.size());
    for (Map.Entry<Key, Entry> e : table.entrySet()) {
      if (table.remove(e.getKey(), e.getValue())) {
        removed.add(e.getValue());
      }
    }
    return removed;
  }

  /** Ends the request: later stores are refused and every entry is detached from its objects. */
  void close() {
    closed = true;
    for (Entry entry : removeAll()) {
      entry.dispose();
    }
  }
}
