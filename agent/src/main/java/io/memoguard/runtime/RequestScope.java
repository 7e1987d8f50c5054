package io.memoguard.runtime;

/**
 * Request boundaries and the request current on each thread.
 *
 * <p>The outermost boundary on a thread opens a {@link Request}; nested boundaries (a filter chain
 * ending in a servlet, a handler calling another) join it. The thread lets go of the request when
 * that boundary returns or throws, so a pooled thread carries nothing into its next task. The
 * request itself ends when its boundary has returned and every async continuation of it (a task
 * given to {@code AsyncContext.start}, a captured token) has finished or been dropped.
 *
 * <p>A boundary entered on a thread whose request was handed to it by a task opens a new request
 * of its own and puts the handed-off one back when it returns.
 *
 * <p>A task handed to a JDK executor shares the request while the request is open, but does not
 * keep it open: executor work that outlives it (fire-and-forget work, a loop started from request
 * code) runs as outside any request, so it can never keep serving the request's results.
 */
public final class RequestScope {
  private RequestScope() {}

  /** Returns whether the boundary was entered; only then must {@link #exit()} be called. */
  public static boolean enter() {
    try {
      Binding binding = ThreadBindings.get();
      if (binding != null && !binding.handedOff) {
        binding.depth++;
        return true;
      }
      if (!Settings.enabled || Settings.held) {
        return false;
      }
      PendingTasks.sweep();
      Binding opened = new Binding(new Request(), binding, false, true);
      opened.depth = 1;
      ThreadBindings.set(opened);
      Stats.REQUESTS.increment();
      return true;
    } catch (Throwable error) {
      Settings.sink.internalError("request start", error);
      return false;
    }
  }

  /**
   * Leaves a boundary entered with {@link #enter()}. The outermost one puts back what the thread
   * had before and gives back the boundary's reference on the request.
   */
  public static void exit() {
    try {
      Binding binding = ThreadBindings.get();
      if (binding == null || binding.handedOff || --binding.depth > 0) {
        return;
      }
      set(binding.outer);
      binding.flush();
      binding.request.release();
    } catch (Throwable error) {
      Settings.sink.internalError("request end", error);
    }
  }

  /**
   * The current thread's request as an opaque token for work handed to another thread, or null
   * outside a request. The token keeps the request open until it is attached and restored, or until
   * it is no longer reachable; it may be attached on several threads.
   */
  public static Object capture() {
    try {
      Request request = current();
      if (request == null) {
        return null;
      }
      Token token = new Token(request);
      PendingTasks.put(token, request, true);
      return token;
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
      return null;
    }
  }

  /**
   * Makes a captured request current on this thread for the duration of a handed-off task. Returns
   * what was current before; pass it to {@link #restore(Object)} in a finally block. A token whose
   * request has already ended attaches nothing.
   */
  public static Object attach(Object token) {
    Binding previous = ThreadBindings.get();
    try {
      if (token instanceof Token) {
        Request request = PendingTasks.takeRetained(token);
        if (request == null) {
          Request captured = ((Token) token).request;
          request = captured.retain() ? captured : null;
        }
        if (request != null) {
          ThreadBindings.set(new Binding(request, previous, true, true));
        }
      }
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
    }
    return previous;
  }

  /**
   * Undoes {@link #attach(Object)}: the handed-off request gives back the reference the task held,
   * and a thread that had no request keeps no thread-local behind.
   */
  public static void restore(Object previous) {
    try {
      Binding current = ThreadBindings.get();
      set(previous instanceof Binding ? (Binding) previous : null);
      if (current != null && current != previous) {
        current.flush();
      }
      if (current != null && current != previous && current.handedOff
          && current.holdsReference) {
        current.request.release();
      }
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
    }
  }

  /**
   * Whether the current binding is an outermost boundary (not nested, not a handed-off task), the
   * only one that may end a request.
   */
  static boolean atOutermostBoundary() {
    Binding binding = ThreadBindings.get();
    return binding != null && !binding.handedOff && binding.depth == 1;
  }

  /**
   * Takes the outermost boundary's request off the thread without giving back the boundary's
   * reference, for a request that goes on asynchronously: the caller releases it later. Null if
   * the boundary is nested, a handed-off task, or there is none.
   */
  static Request detachOutermost() {
    if (!atOutermostBoundary()) {
      return null;
    }
    Binding binding = ThreadBindings.get();
    binding.depth = 0;
    set(binding.outer);
    binding.flush();
    return binding.request;
  }

  /** The binding of this thread, or null: the hit path reads the thread-local once. */
  static Binding binding() {
    return ThreadBindings.get();
  }

  /** The request memoization uses on this thread, or null (see {@link Binding#effectiveRequest}). */
  static Request current() {
    Binding binding = ThreadBindings.get();
    return binding == null ? null : binding.effectiveRequest();
  }

  /**
   * Attaches the request of a task that starts; {@code holdsReference}: the task took the reference
   * its pending entry held, given back at {@link #restore}.
   */
  static Binding attachTaken(Request request, boolean holdsReference) {
    Binding previous = ThreadBindings.get();
    ThreadBindings.set(new Binding(request, previous, true, holdsReference));
    return previous;
  }

  private static void set(Binding binding) {
    ThreadBindings.set(binding);
  }

  /** What {@link #capture()} returns; once attached, it keeps the request object, not the request open. */
  private static final class Token {
    final Request request;

    Token(Request request) {
      this.request = request;
    }
  }
}
