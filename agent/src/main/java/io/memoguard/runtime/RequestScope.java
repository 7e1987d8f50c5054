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

  static Request current() {
    return CURRENT.get();
  }
}
