package io.memoguard.runtime;

/**
 * What a thread's {@link RequestScope} holds: the request current on this thread, and how it got
 * there. A binding is owned by one thread, so {@link #depth} needs no synchronization even when
 * several threads work for the same request.
 */
final class Binding {
  final Request request;
  /** The binding this one replaced, put back when this one ends; null if the thread had none. */
  final Binding outer;
  /**
   * True when the request was handed to this thread with a task. A request boundary entered under
   * such a binding opens its own request: container work that happens to run on a thread carrying
   * a handed-off scope is not part of the request that handed it.
   */
  final boolean handedOff;
  /**
   * Whether this binding holds a reference on its request, given back when it ends: the opening
   * boundary, an attached token and an async servlet task do; a task handed to an executor does not.
   */
  final boolean holdsReference;
  /** The thread that made it; only that thread's {@link ThreadBindings} slot may hold it. */
  final Thread thread = Thread.currentThread();
  /** Boundary nesting depth of an owned binding. */
  int depth;
  /**
   * Hits served by the probe ({@link Memoizer#enter}) on this thread and not yet added to the shared
   * counters: plain fields, written by this thread only, added to {@link Stats} and to each method's
   * {@link MethodStats} by {@link #flush} when the binding ends (or every {@link #FLUSH_EVERY} hits),
   * so a hit does no atomic read-modify-write. A probe hit is always a call too. The hits served
   * from {@link #recent} slots wait in their slots, which count nothing here.
   */
  private int pendingHits;
  private MethodStats[] pendingMethods;
  private long[] pendingMethodHits;
  private long[] pendingSavedNanos;
  private int pendingMethodCount;
  /** Registered once there are pending hits, until the binding ends, for readings of the counters. */
  private PendingCounts.Ref pendingRef;
  /** Methods counted apart before a flush; a request hits a handful of memoized methods. */
  static final int PENDING_METHODS = 8;
  /**
   * A long-running request (a batch loop) adds its probe hits to the shared counters at least
   * this often; readings include what is still pending, a slot's hits too.
   */
  static final int FLUSH_EVERY = 4096;
  private Probe probe;
  /** The calls served last, per site ({@link Recent}); created on the first probe hit. */
  Recent[] recent;
  /** The slot of {@link #recent} that served or was filled last. */
  Recent last;

  Binding(Request request, Binding outer, boolean handedOff, boolean holdsReference) {
    this.request = request;
    this.outer = outer;
    this.handedOff = handedOff;
    this.holdsReference = holdsReference;
  }

  /** The reused lookup of this thread's calls, created on the first one. */
  Probe probe() {
    Probe p = probe;
    return p != null ? p : (probe = new Probe());
  }

  /** A hit served by the probe, for {@code stats}' method, that saved {@code savedNanos}. */
  void probeHit(MethodStats stats, long savedNanos) {
    addPending(stats, 1, savedNanos);
    holdsPending();
    if (++pendingHits >= FLUSH_EVERY) {
      addToCounters();
    }
  }

  /**
   * Makes readings of the counters ask this binding, which holds or is about to hold pending
   * hits: a probe hit, or a {@link Recent} slot that may count hits from now on (so that a hit
   * from a slot has nothing to register).
   */
  void holdsPending() {
    if (pendingRef == null) {
      pendingRef = PendingCounts.register(this);
    }
  }

  /**
   * Adds a slot's pending hits to the shared counters, as {@link #flush} does for all, before the
   * slot is given to another call.
   */
  void flush(Recent r) {
    long hits = r.hits;
    if (hits == 0) {
      return;
    }
    long saved = r.savedNanos();
    r.hits = 0;
    r.stats.calls.add(hits);
    r.stats.hits.add(hits);
    r.stats.savedNanos.add(saved);
    Stats.CALLS.add(hits);
    Stats.HITS.add(hits);
    Stats.SAVED_NANOS.add(saved);
  }

  /**
   * Adds {@code hits} pending hits of {@code stats}' method, that saved {@code savedNanos}, to the
   * per-method counts; the total ({@link #pendingHits}) is the caller's.
   */
  private void addPending(MethodStats stats, long hits, long savedNanos) {
    MethodStats[] methods = pendingMethods;
    if (methods == null) {
      methods = pendingMethods = new MethodStats[PENDING_METHODS];
      pendingMethodHits = new long[PENDING_METHODS];
      pendingSavedNanos = new long[PENDING_METHODS];
    }
    int i = 0;
    while (i < pendingMethodCount && methods[i] != stats) {
      i++;
    }
    if (i == PENDING_METHODS) {
      addToCounters();
      i = 0;
    }
    if (i == pendingMethodCount) {
      methods[i] = stats;
      pendingMethodCount++;
    }
    pendingMethodHits[i] += hits;
    pendingSavedNanos[i] += savedNanos;
  }

  /**
   * Adds the pending hits to the shared counters exactly as {@link Memoizer#hit} counts a hit:
   * calls, hits and saved time, in total and per method. Called on this binding's thread when the
   * binding leaves it; readings of the counters stop asking it.
   */
  void flush() {
    addToCounters();
    if (pendingRef != null) {
      PendingCounts.unregister(pendingRef);
      pendingRef = null;
    }
  }

  /** The work of {@link #flush}, also done on the way: the binding stays registered. */
  private void addToCounters() {
    long hits = pendingHits;
    long saved = 0;
    for (int i = 0; i < pendingMethodCount; i++) {
      MethodStats stats = pendingMethods[i];
      long methodHits = pendingMethodHits[i];
      stats.calls.add(methodHits);
      stats.hits.add(methodHits);
      stats.savedNanos.add(pendingSavedNanos[i]);
      saved += pendingSavedNanos[i];
      pendingMethods[i] = null;
      pendingMethodHits[i] = 0;
      pendingSavedNanos[i] = 0;
    }
    Recent[] slots = recent;
    if (slots != null) {
      for (Recent r : slots) {
        if (r != null && r.hits > 0) {
          hits += r.hits;
          r.stats.calls.add(r.hits);
          r.stats.hits.add(r.hits);
          long slotSaved = r.savedNanos();
          r.stats.savedNanos.add(slotSaved);
          saved += slotSaved;
          r.hits = 0;
        }
      }
    }
    if (hits > 0) {
      Stats.CALLS.add(hits);
      Stats.HITS.add(hits);
      Stats.SAVED_NANOS.add(saved);
    }
    pendingMethodCount = 0;
    pendingHits = 0;
  }

  /**
   * For a reading on another thread ({@link PendingCounts}): this binding's pending hits, or
   * their saved time, of {@code method} or of all methods when null. Plain reads of fields the
   * owner may be changing: bounds and nulls checked, the value may be a moment old.
   */
  long pending(MethodStats method, boolean saved) {
    long sum = 0;
    Recent[] slots = recent;
    if (slots != null) {
      for (Recent r : slots) {
        if (r != null && (method == null || r.stats == method)) {
          sum += saved ? r.savedNanos() : r.hits;
        }
      }
    }
    MethodStats[] methods = pendingMethods;
    long[] counts = saved ? pendingSavedNanos : pendingMethodHits;
    if (methods == null || counts == null) {
      return sum;
    }
    int n = Math.min(pendingMethodCount, Math.min(methods.length, counts.length));
    for (int i = 0; i < n; i++) {
      if (method == null || methods[i] == method) {
        sum += counts[i];
      }
    }
    return sum;
  }

  /**
   * The request as memoization sees it: an executor task still running after its request closed
   * (fire-and-forget work, a loop started from request code) works outside any request, so it never
   * keeps serving that request's results, and hands nothing further.
   */
  Request effectiveRequest() {
    return holdsReference || !request.isClosed() ? request : null;
  }
}
