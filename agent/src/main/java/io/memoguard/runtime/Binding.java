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
   * Whether this binding keeps its request active (see {@link Request#isActive()}): the opening
   * boundary, an explicit {@link RequestScope#attach}, and a task the servlet container runs for an
   * async request do; a task handed to a JDK executor does not.
   */
  final boolean keepsActive;
  /** Boundary nesting depth of an owned binding. */
  int depth;

  Binding(Request request, Binding outer, boolean handedOff, boolean keepsActive) {
    this.request = request;
    this.outer = outer;
    this.handedOff = handedOff;
    this.keepsActive = keepsActive;
  }

  /**
   * The request as memoization sees it: a task handed to an executor that is still running after
   * its request stopped being active (the boundary returned and no async continuation runs) works
   * outside any request. A background loop started from request code so never keeps serving that
   * request's results, and hands nothing further.
   */
  Request effectiveRequest() {
    return !handedOff || keepsActive || request.isActive() ? request : null;
  }
}
