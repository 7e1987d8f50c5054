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
  /** Boundary nesting depth of an owned binding. */
  int depth;
  /**
   * Calls and hits served by the fast path on this thread, added to {@link Stats} when the binding
   * ends ({@link #flush}): a plain increment per hit instead of two atomic ones.
   */
  long calls;
  long hits;
  private Probe probe;

  Binding(Request request, Binding outer, boolean handedOff, boolean holdsReference) {
    this.request = request;
    this.outer = outer;
    this.handedOff = handedOff;
    this.holdsReference = holdsReference;
  }

  /**
   * The request as memoization sees it: an executor task still running after its request closed
   * (fire-and-forget work, a loop started from request code) works outside any request, so it never
   * keeps serving that request's results, and hands nothing further.
   */
  Probe probe() {
    Probe p = probe;
    return p != null ? p : (probe = new Probe());
  }

  /** Called when the binding leaves its thread: its counts become visible in {@link Stats}. */
  void flush() {
    if (calls != 0) {
      Stats.CALLS.add(calls);
      calls = 0;
    }
    if (hits != 0) {
      Stats.HITS.add(hits);
      hits = 0;
    }
  }

  Request effectiveRequest() {
    return holdsReference || !request.isClosed() ? request : null;
  }
}
