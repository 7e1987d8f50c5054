package io.memoguard.runtime;

/** Handles detected mutations: reports them and invalidates, logs or rejects per configuration. */
final class Mutations {
  private Mutations() {}

  static void written(Object trackerField, String field) {
    try {
      if (!(trackerField instanceof Tracker)) {
        return;
      }
      Entry[] entries = Trackers.liveEntries((Tracker) trackerField);
      if (entries.length == 0) {
        return;
      }
      String[] frames = CallSites.writeSite();
      int mode = Settings.onMutation;
      Stats.MUTATIONS.increment();
      if (mode == Settings.FAIL) {
        Settings.sink.mutation(field, frames[0], frames[1], names(entries), callers(entries), "rejected");
        throw new MutationRejectedException("memoguard: write to " + field + " at " + frames[0]
            + " rejected: the object is part of the memoized result of " + names(entries)
            + " (on-mutation: fail)");
      }
      int callers = callers(entries);
      String names = names(entries);
      if (mode == Settings.INVALIDATE) {
        for (Entry entry : entries) {
          entry.invalidate();
        }
      }
      Settings.sink.mutation(field, frames[0], frames[1], names, callers,
          mode == Settings.INVALIDATE ? "invalidated" : "logged");
    } catch (MutationRejectedException rejected) {
      throw rejected;
    } catch (Throwable error) {
      Settings.sink.internalError("write barrier", error);
    }
  }

  /** A change found by re-fingerprinting at a hit; returns whether the entry must not be served. */
  static boolean changedBeforeHit(Entry entry, String path) {
    Stats.MUTATIONS.increment();
    boolean invalidate = Settings.onMutation != Settings.LOG;
    if (invalidate) {
      entry.invalidate();
    }
    Settings.sink.lateMutation(path, entry.display(), CallSites.callerOfMemoized(), entry.callers,
        invalidate ? "invalidated" : "logged");
    return invalidate;
  }

  private static int callers(Entry[] entries) {
    int max = 0;
    for (Entry entry : entries) {
      max = Math.max(max, entry.callers);
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
