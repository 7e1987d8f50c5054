package io.memoguard.runtime;

/** A memoized result and the bookkeeping that lets a write to any part of it find the entry. */
final class Entry {
  final Key key;
  final Object value;
  final Graph graph;
  /** How many callers have received {@link #value}: 1 for the call that computed it, +1 per hit. */
  volatile int callers = 1;
  volatile boolean live = true;

  Entry(Key key, Object value, Graph graph) {
    this.key = key;
    this.value = value;
    this.graph = graph;
  }

  String display() {
    return key.site.display;
  }

  /** What to do on a mutation: the memoizing rule's on-mutation, else the global one. */
  int mode() {
    int mode = key.site.effectiveMode();
    // verify mode promises the host's behaviour: a write is never rejected, only invalidates
    return mode == Settings.FAIL && key.verify ? Settings.INVALIDATE : mode;
  }

  /** Detaches the entry from every guarded object of its value, so their barriers go quiet. */
  void dispose() {
    live = false;
    for (int i = 0, n = graph.guardedCount(); i < n; i++) {
      Trackers.untrack(graph.guarded(i), this);
    }
  }

  /** Removes the entry from its request and disposes it; false if it was already gone. */
  boolean invalidate() {
    if (!live) {
      return false;
    }
    key.request.remove(this);
    dispose();
    Stats.INVALIDATIONS.increment();
    return true;
  }
}
