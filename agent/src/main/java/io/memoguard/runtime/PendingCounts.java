package io.memoguard.runtime;

import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bindings that hold probe hits not yet added to the shared counters ({@link Binding#flush}),
 * so that reading a counter (the exit summary, JMX, the periodic summary) includes the hits of
 * requests still running: a request still open at exit (a job ending in System.exit) keeps its
 * hits in the summary, as when every hit was added at once. A reading races with the threads that
 * own the bindings: while one flushes, a reading may count its last hits twice or not at all;
 * once they stop it is exact. Bindings are held weakly: one dropped without ending (its thread
 * died) is forgotten, never kept alive with its request.
 */
final class PendingCounts {
  private static final Set<Ref> LIVE = ConcurrentHashMap.newKeySet();

  /** A registration; identity equality, as every reference. */
  static final class Ref extends WeakReference<Binding> {
    Ref(Binding binding) {
      super(binding);
    }
  }

  private PendingCounts() {}

  static Ref register(Binding binding) {
    Ref ref = new Ref(binding);
    LIVE.add(ref);
    return ref;
  }

  static void unregister(Ref ref) {
    LIVE.remove(ref);
  }

  /** Probe hits (each also a call) not yet in the counters: of {@code method}, or all when null. */
  static long hits(MethodStats method) {
    return sum(method, false);
  }

  /** Time saved by those hits, in nanoseconds. */
  static long savedNanos(MethodStats method) {
    return sum(method, true);
  }

  private static long sum(MethodStats method, boolean saved) {
    long sum = 0;
    try {
      for (Ref ref : LIVE) {
        Binding binding = ref.get();
        if (binding == null) {
          LIVE.remove(ref);
        } else {
          sum += binding.pending(method, saved);
        }
      }
    } catch (RuntimeException racedWithTheOwner) {
      // a reading only: the counters themselves are untouched
    }
    return sum;
  }
}
