package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Guarded;

/**
 * Attaches and detaches {@link Tracker}s. Locks are striped by identity hash and private to the
 * runtime: locking the host's own objects could deadlock with the host's synchronization.
 */
final class Trackers {
  private static final Object[] STRIPES = new Object[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new Object();
    }
  }

  private Trackers() {}

  private static Object stripe(Object object) {
    return STRIPES[System.identityHashCode(object) & (STRIPES.length - 1)];
  }

  static void track(Guarded object, Entry entry) {
    // before the tracker is set, outside the stripe: it may wait for a deoptimization
    BarrierSwitches.arm(object.getClass());
    synchronized (stripe(object)) {
      Object current = object.$memoguard$getTracker();
      Tracker tracker = current instanceof Tracker && ((Tracker) current).owner == object
          ? (Tracker) current : null;
      if (tracker == null) {
        tracker = new Tracker(object);
        object.$memoguard$setTracker(tracker);
      }
      tracker.add(entry);
    }
  }

  static void untrack(Guarded object, Entry entry) {
    synchronized (stripe(object)) {
      Object current = object.$memoguard$getTracker();
      if (current instanceof Tracker && ((Tracker) current).owner == object
          && ((Tracker) current).remove(entry)) {
        object.$memoguard$setTracker(null);
      }
    }
  }

  /** Clears a tracker field that a copy inherited from the object it was copied from. */
  static void disown(Guarded copy, Tracker copied) {
    synchronized (stripe(copy)) {
      if (copy.$memoguard$getTracker() == copied) {
        copy.$memoguard$setTracker(null);
      }
    }
  }

  /** The live entries holding the object whose tracker this is; empty when none. */
  static Entry[] liveEntries(Tracker tracker) {
    Entry[] entries = tracker.entries();
    int live = 0;
    for (Entry entry : entries) {
      if (entry.live) {
        live++;
      }
    }
    if (live == entries.length) {
      return entries;
    }
    Entry[] result = new Entry[live];
    int i = 0;
    for (Entry entry : entries) {
      if (entry.live) {
        result[i++] = entry;
      }
    }
    return result;
  }
}
