package io.memoguard.runtime;

import java.util.Arrays;

/**
 * Attached to a guarded object while it is part of at least one live memoized value; lists those
 * values' entries. Its own lock guards the list; attaching and detaching the tracker itself happens
 * under the stripe lock of {@link Trackers}.
 */
final class Tracker {
  private static final Entry[] NONE = new Entry[0];
  /**
   * The object whose tracker field points here. {@code Object.clone()} and field-by-field copiers
   * copy the field too, and the copy is part of no cached value: its writes must not count.
   */
  final Object owner;
  private Entry[] entries = NONE;

  Tracker(Object owner) {
    this.owner = owner;
  }

  synchronized void add(Entry entry) {
    for (Entry e : entries) {
      if (e == entry) {
        return;
      }
    }
    Entry[] grown = Arrays.copyOf(entries, entries.length + 1);
    grown[entries.length] = entry;
    entries = grown;
  }

  /** Returns true when no entry is left. */
  synchronized boolean remove(Entry entry) {
    int n = entries.length;
    for (int i = 0; i < n; i++) {
      if (entries[i] == entry) {
        Entry[] shrunk = new Entry[n - 1];
        System.arraycopy(entries, 0, shrunk, 0, i);
        System.arraycopy(entries, i + 1, shrunk, i, n - i - 1);
        entries = shrunk;
        break;
      }
    }
    return entries.length == 0;
  }

  synchronized Entry[] entries() {
    return entries;
  }
}
