package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Snapshot;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** A memoized result and the bookkeeping that lets a write to any part of it find the entry. */
final class Entry {
  final Key key;
  final Object value;
  final Snapshot snapshot;
  private static final AtomicIntegerFieldUpdater<Entry> SHARED_HITS =
      AtomicIntegerFieldUpdater.newUpdater(Entry.class, "sharedHits");

  /**
   * The binding (so the thread) that stored the entry, set before it is published. Most hits come
   * from it: they are counted with a plain increment in {@link #ownerHits}, which only that
   * thread writes; hits from other threads of the request are counted atomically in
   * {@link #sharedHits}. No count is lost either way ({@link #callers()}).
   */
  Binding owner;
  private int ownerHits;
  private volatile int sharedHits;
  volatile boolean live = true;
  /** {@link BarrierTrust#epoch} when the value was walked; set before the entry is published. */
  int trustEpoch;
  /**
   * Verify mode: the fresh results handed out instead of this value at would-be hits, guarded as
   * if they were the value itself (memoized, they would have been), so that a caller's write to
   * one invalidates the entry as it would have. Guarded by {@code this}; null when none.
   */
  private Snapshot[] copies;

  /** How long the call that computed the value ran: what each hit saves. */
  long costNanos;

  /** Estimated bytes the entry keeps reachable ({@link Footprint}), counted in its request. */
  final long bytes;

  Entry(Key key, Object value, Snapshot snapshot, long bytes) {
    this.key = key;
    this.value = value;
    this.snapshot = snapshot;
    this.bytes = bytes;
  }

  /** One more caller received the value, on the thread of {@code by} (null if unknown). */
  void served(Binding by) {
    if (by != null && by == owner) {
      ownerHits++;
    } else {
      SHARED_HITS.incrementAndGet(this);
    }
  }

  /** How many callers have received {@link #value}: the call that computed it, and each hit. */
  int callers() {
    return 1 + ownerHits + sharedHits;
  }

  String display() {
    return key.site.display;
  }

  /** What to do on a mutation: the memoizing rule's on-mutation, else the global one. */
  OnMutation onMutation() {
    OnMutation onMutation = key.site.effectiveOnMutation();
    // verify mode promises the host's behaviour: a write is never rejected, only invalidates
    return onMutation == OnMutation.FAIL && key.verify ? OnMutation.INVALIDATE : onMutation;
  }

  /** Detaches the entry from every guarded object of its value, so their barriers go quiet. */
  void dispose() {
    live = false;
    for (int i = 0, n = snapshot.guardedCount(); i < n; i++) {
      Trackers.untrack(snapshot.guarded(i), this);
    }
    Snapshot[] added;
    synchronized (this) {
      added = copies;
      copies = null;
    }
    if (added != null) {
      for (Snapshot copy : added) {
        for (int i = 0, n = copy.guardedCount(); i < n; i++) {
          Trackers.untrack(copy.guarded(i), this);
        }
      }
    }
  }

  /** Verify mode: guards a fresh result as part of this entry, unless the entry is gone. */
  synchronized void addCopy(Snapshot copy) {
    if (!live) {
      return;
    }
    // tracked under this entry's lock: a concurrent dispose then sees the copy and untracks it
    for (int i = 0, n = copy.guardedCount(); i < n; i++) {
      Trackers.track(copy.guarded(i), this);
    }
    Snapshot[] grown = copies == null ? new Snapshot[1] : java.util.Arrays.copyOf(copies, copies.length + 1);
    grown[grown.length - 1] = copy;
    copies = grown;
  }

  /**
   * Verify mode: the first copy changed since it was handed out (a collection, array or object
   * without a barrier), as {@link Snapshot#check()} reports it, or null.
   */
  String changedCopy() {
    Snapshot[] current;
    synchronized (this) {
      current = copies;
    }
    if (current != null) {
      for (Snapshot copy : current) {
        if (copy.needsCheck()) {
          String changed = copy.check();
          if (changed != null) {
            return changed;
          }
        }
      }
    }
    return null;
  }

  /**
   * Removes the entry from its request and disposes it; false if it was already gone.
   *
   * @param cause {@link MethodStats#MUTATION} or another cause, for the counters
   */
  boolean invalidate(int cause) {
    if (!live) {
      return false;
    }
    key.request.table.remove(this);
    dispose();
    key.site.stats.invalidated(cause);
    return true;
  }
}
