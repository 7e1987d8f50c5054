package io.memoguard.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;

/**
 * The memo table of one request. Mostly used by the request's own thread, but a write barrier on
 * another thread may invalidate an entry, hence the lock. The lock is never held while host code
 * runs: keys hold only JDK value types, whose equals and hashCode are JDK code.
 */
final class Request {
  /** Boundary nesting depth; touched only by the owning thread. */
  int depth;

  private final HashMap<Key, Entry> table = new HashMap<>();
  private boolean closed;

  synchronized Entry get(Key key) {
    return table.get(key);
  }

  /**
   * Stores the entry. Returns the entry it replaced (a recursive call with the same key) for the
   * caller to dispose outside the lock, null if there was none, or {@code entry} itself when the
   * request is closed or full and the entry was not stored.
   */
  synchronized Entry put(Key key, Entry entry) {
    if (closed || table.size() >= Settings.maxEntries) {
      return entry;
    }
    return table.put(key, entry);
  }

  /** Removes the entry if it is still the current one for its key; the caller disposes it. */
  synchronized boolean remove(Entry entry) {
    return table.remove(entry.key, entry);
  }

  synchronized List<Entry> removeType(String type) {
    List<Entry> removed = new ArrayList<>();
    for (Iterator<Entry> it = table.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.key.site.type.equals(type)) {
        it.remove();
        removed.add(entry);
      }
    }
    return removed;
  }

  synchronized List<Entry> removeAll() {
    List<Entry> removed = new ArrayList<>(table.values());
    table.clear();
    return removed;
  }

  void close() {
    List<Entry> entries;
    synchronized (this) {
      closed = true;
      entries = new ArrayList<>(table.values());
      table.clear();
    }
    for (Entry entry : entries) {
      entry.dispose();
    }
  }
}
