package io.memoguard.runtime.snapshot;

/**
 * The objects a {@link SnapshotTaker} has already found. Open addressing: several times cheaper than
 * IdentityHashMap, which stores a value per key and rehashes at a lower load.
 */
final class IdentitySet {
  private Object[] table = new Object[64];
  int size;

  boolean add(Object o) {
    Object[] t = table;
    int mask = t.length - 1;
    // identity hashes are already well spread (HotSpot draws them from a xor-shift generator)
    int i = System.identityHashCode(o) & mask;
    for (Object e; (e = t[i]) != null; i = (i + 1) & mask) {
      if (e == o) {
        return false;
      }
    }
    t[i] = o;
    if (++size * 2 > t.length) {
      grow();
    }
    return true;
  }

  private void grow() {
    Object[] old = table;
    Object[] t = new Object[old.length * 2];
    int mask = t.length - 1;
    for (Object e : old) {
      if (e != null) {
        int i = System.identityHashCode(e) & mask;
        while (t[i] != null) {
          i = (i + 1) & mask;
        }
        t[i] = e;
      }
    }
    table = t;
  }
}
