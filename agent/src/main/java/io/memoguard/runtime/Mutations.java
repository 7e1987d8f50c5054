package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Guarded;

/**
 * Handles detected mutations: reports them and invalidates, logs or rejects per the on-mutation of each
 * entry holding the object. When entries of different on-mutation values hold it, fail wins (the write does not
 * happen, so nothing is invalidated); otherwise the invalidate entries are dropped and the log
 * entries kept.
 */
final class Mutations {
  private static final Entry[] NONE = new Entry[0];

  private Mutations() {}

  /**
   * @param target the written object
   * @param trackerField its tracker field, not null
   * @param reflective the write is a {@code Field.set...} call, whose caller is the write site
   * @throws MutationRejectedException when an entry holding the object is in fail mode
   */
  static void written(Object target, Object trackerField, String field, boolean reflective) {
    try {
      if (!(trackerField instanceof Tracker)) {
        return;
      }
      Tracker tracker = (Tracker) trackerField;
      if (tracker.owner != target) {
        // a copy made by Object.clone() or a field-by-field copier: it is not part of any value
        Trackers.disown((Guarded) target, tracker);
        return;
      }
      Entry[] entries = Trackers.liveEntries(tracker);
      if (entries.length == 0) {
        return;
      }
      String[] frames = CallSites.writeSite(reflective);
      int callers = callers(entries);
      Stats.MUTATIONS.increment();
      for (Entry entry : entries) {
        entry.key.site.stats.mutations.increment();
      }
      Entry[] failing = with(entries, OnMutation.FAIL);
      if (failing.length > 0) {
        String names = names(failing);
        Settings.sink.mutation(field, frames[0], frames[1], names, callers, EventSink.REJECTED);
        throw new MutationRejectedException("memoguard: write to " + field + " at " + frames[0]
            + " rejected: the object is part of the memoized result of " + names
            + " (on-mutation: fail)");
      }
      Entry[] invalidated = with(entries, OnMutation.INVALIDATE);
      for (Entry entry : invalidated) {
        entry.invalidate(MethodStats.MUTATION);
      }
      Entry[] logged = with(entries, OnMutation.LOG);
      String action;
      String names;
      if (logged.length == 0) {
        action = EventSink.INVALIDATED;
        names = names(invalidated);
      } else if (invalidated.length == 0) {
        action = EventSink.LOGGED;
        names = names(logged);
      } else {
        action = EventSink.INVALIDATED;
        names = names(invalidated) + "; " + EventSink.LOGGED + " " + names(logged);
      }
      Settings.sink.mutation(field, frames[0], frames[1], names, callers, action);
    } catch (MutationRejectedException rejected) {
      throw rejected;
    } catch (Throwable error) {
      Settings.sink.internalError("write barrier", error);
    }
  }

  /**
   * A change found by re-fingerprinting at a hit; returns whether the entry must not be served.
   * The write already happened, so fail mode cannot reject it: the entry is invalidated and the
   * report says that the write could not be rejected.
   */
  static boolean changedBeforeHit(Entry entry, String path) {
    Stats.MUTATIONS.increment();
    entry.key.site.stats.mutations.increment();
    OnMutation onMutation = entry.onMutation();
    boolean invalidate = onMutation != OnMutation.LOG;
    if (invalidate) {
      entry.invalidate(MethodStats.MUTATION);
    }
    String action = onMutation == OnMutation.FAIL ? EventSink.NOT_REJECTED
        : invalidate ? EventSink.INVALIDATED : EventSink.LOGGED;
    Settings.sink.lateMutation(path, entry.display(), CallSites.callerOfMemoized(), entry.callers(),
        action);
    return invalidate;
  }

  private static Entry[] with(Entry[] entries, OnMutation onMutation) {
    int n = 0;
    for (Entry entry : entries) {
      if (entry.onMutation() == onMutation) {
        n++;
      }
    }
    if (n == entries.length) {
      return entries;
    }
    if (n == 0) {
      return NONE;
    }
    Entry[] result = new Entry[n];
    int i = 0;
    for (Entry entry : entries) {
      if (entry.onMutation() == onMutation) {
        result[i++] = entry;
      }
    }
    return result;
  }

  private static int callers(Entry[] entries) {
    int max = 0;
    for (Entry entry : entries) {
      max = Math.max(max, entry.callers());
    }
    return max;
  }

  private static String names(Entry[] entries) {
    if (entries.length == 1) {
      return entries[0].display();
    }
    StringBuilder sb = new StringBuilder();
    for (Entry entry : entries) {
      String name = entry.display();
      if (sb.indexOf(name) < 0) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(name);
      }
    }
    return sb.toString();
  }
}
