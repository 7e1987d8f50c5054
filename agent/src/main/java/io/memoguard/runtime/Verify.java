package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.StructuralDiff;
import io.memoguard.runtime.snapshot.Footprint;
import io.memoguard.runtime.snapshot.Snapshot;
import io.memoguard.runtime.snapshot.SnapshotTaker;

/**
 * Verify mode: memoized methods run every time, as if the agent were absent. A call that would
 * have been a hit is counted, and when it returns, its fresh result is compared with the memoized
 * one; a difference is reported with the method and the first differing path, never a value. The
 * caller always gets the fresh result. Guarding stays on, so a memoized value that a caller changes
 * is invalidated as usual and does not show up as a difference; the fresh results handed out at
 * would-be hits are guarded as part of the entry too, because memoized they would have been the
 * same instance: a caller's write to one invalidates the entry just as it would have.
 */
public final class Verify {
  /** How a difference path starts when the fresh call threw instead of returning. */
  public static final String THREW = "(threw ";

  private Verify() {}

  /**
   * Whether calls of a rule woven with this {@link Mode#code} are verified, not memoized (any code
   * but the two modes' is the global mode). The woven int is tested as it is: an array lookup of
   * the mode per call showed on the hit path.
   */
  static boolean applies(int code) {
    return code == Mode.VERIFY_CODE || (code != Mode.MEMOIZE_CODE && Settings.verify);
  }

  /** A would-be hit: counted and remembered on the key; the call runs anyway (returns null). */
  static Object wouldHit(Key key, Entry entry) {
    String changed = entry.changedCopy();
    if (changed != null && Mutations.changedBeforeHit(entry, changed)) {
      Stats.MISSES.increment(); // memoized, the change would have invalidated the shared value
      key.site.stats.misses.increment();
      return null;
    }
    key.verifyAgainst = entry;
    Stats.VERIFIED.increment();
    key.site.stats.wouldSave.increment();
    return null;
  }

  /** Memoized, a would-be hit would have returned the value; run, it threw: a difference. */
  static void threw(Key key, Throwable thrown) {
    if (key.verifyAgainst == null || JdbcWrites.wroteSince(key)) {
      return;
    }
    key.verifyAgainst = null;
    difference(key, THREW + (thrown == null ? "?" : StructuralDiff.simpleName(thrown.getClass()))
        + ")");
  }

  private static void difference(Key key, String path) {
    Stats.DIFFERENCES.increment();
    MethodStats stats = key.site.stats;
    stats.differences.increment();
    if (stats.firstDifference == null) {
      stats.firstDifference = path;
    }
    Settings.sink.verifyDifference(key.site.display, path);
  }

  /**
   * Called instead of a store when the call was a would-be hit. The memoized entry stays: it is
   * what memoization would have served to every later caller too.
   *
   * @return true when the key was a would-be hit (nothing left to store)
   */
  static boolean compared(Key key, Object fresh) {
    Entry entry = key.verifyAgainst;
    if (entry == null) {
      return false;
    }
    key.verifyAgainst = null;
    String path = StructuralDiff.firstDifference(entry.value, fresh, Settings.maxGraphObjects);
    if (path != null) {
      difference(key, path);
      return true;
    }
    // memoized, this caller would have received the entry's value
    entry.served(RequestScope.binding());
    Footprint footprint = new Footprint();
    Snapshot copy = SnapshotTaker.take(fresh, Settings.maxGraphObjects, footprint);
    if (copy != null) {
      if (key.request.table.charge(footprint.bytes())) {
        entry.addCopy(copy);
      } else {
        // the copy cannot be kept within the budget: without it a write to the fresh result
        // would go unseen, so the entry stops being compared against
        entry.invalidate(MethodStats.OTHER);
      }
    }
    return true;
  }
}
