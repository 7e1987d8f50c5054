package io.memoguard.runtime;

/**
 * Request boundaries. The outermost boundary on a thread opens a {@link Request}; nested boundaries
 * (a filter chain ending in a servlet, a handler calling another) join it. The request is removed
 * from the thread when the outermost boundary returns or throws, so a pooled thread carries nothing
 * into its next task.
 */
public final class RequestScope {
  private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

  private RequestScope() {}

  /** Returns whether the boundary was entered; only then must {@link #exit()} be called. */
  public static boolean enter() {
    try {
      Request request = CURRENT.get();
      if (request == null) {
        if (!Settings.enabled) {
          return false;
        }
        request = new Request();
        CURRENT.set(request);
        Stats.REQUESTS.increment();
      }
      request.depth++;
      return true;
    } catch (Throwable error) {
      Settings.sink.internalError("request start", error);
      return false;
    }
  }

  public static void exit() {
    Request request = CURRENT.get();
    if (request == null) {
      return;
    }
    if (--request.depth > 0) {
      return;
    }
    CURRENT.remove();
    try {
      request.close();
    } catch (Throwable error) {
      Settings.sink.internalError("request end", error);
    }
  }

  /**
   * The current thread's request as an opaque token for work handed to another thread, or null
   * outside a request.
   */
  public static Object capture() {
    return CURRENT.get();
  }

  /**
   * Makes a captured request current on this thread for the duration of a handed-off task. Returns
   * what was current before; pass it to {@link #restore(Object)} in a finally block.
   */
  public static Object attach(Object token) {
    Request previous = CURRENT.get();
    if (token instanceof Request request) {
      CURRENT.set(request);
    }
    return previous;
  }

  /** Undoes {@link #attach(Object)}: a thread that had no request keeps no thread-local behind. */
  public static void restore(Object previous) {
    if (previous instanceof Request request) {
      CURRENT.set(request);
    } else {
      CURRENT.remove();
    }
  }

  /**
   * Takes the outermost boundary's request off the thread without closing it, for a request that
   * goes on asynchronously; null if the boundary is nested or there is none.
   */
  static Request detachOutermost() {
    Request request = CURRENT.get();
    if (request == null || request.depth != 1) {
      return null;
    }
    request.depth = 0;
    CURRENT.remove();
    return request;
  }

  static Request current() {
    return CURRENT.get();
  }
}
