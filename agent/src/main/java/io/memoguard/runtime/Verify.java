package io.memoguard.runtime;

/**
 * Verify mode: memoized methods run every time, as if the agent were absent. A call that would
 * have been a hit is counted, and when it returns, its fresh result is compared with the memoized
 * one; a difference is reported with the method and the first differing path, never a value. The
 * caller always gets the fresh result. Guarding stays on, so a memoized value that a caller changes
 * is invalidated as usual and does not show up as a difference.
 */
public final class Verify {
  /** The rule has no {@code mode} of its own: the global {@code mode} applies. */
  public static final int INHERIT = -1;
  public static final int MEMOIZE = 0;
  public static final int VERIFY = 1;

  private Verify() {}

  /** Whether calls of a rule with this woven mode are verified rather than memoized. */
  static boolean applies(int mode) {
    return mode == VERIFY || (mode != MEMOIZE && Settings.verify);
  }

  /** A would-be hit: counted and remembered on the key; the call runs anyway (returns null). */
  static Object wouldHit(Key key, Entry entry) {
    key.verifyAgainst = entry;
    Stats.VERIFIED.increment();
    return null;
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
      Stats.DIFFERENCES.increment();
      Settings.sink.verifyDifference(key.site.display, path);
    }
    return true;
  }
}
