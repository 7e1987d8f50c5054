package io.memoguard.runtime;

/**
 * Entry points for the advice woven into JDK executors and servlet containers, carrying the current
 * request to the thread that runs a handed-off task. A task is associated with the request when it
 * is handed over ({@link #capture}) and the request is attached around its run ({@link #begin} /
 * {@link #end}, or {@link #run}); tasks handed over outside a request cost an emptiness check.
 *
 * <p>Executor tasks share the request while it is open but take no reference on it: the request
 * ends with its boundary (or its async cycle) and not with its executor work. Work that outlives
 * it runs as outside any request, so a loop started from request code can never keep serving that
 * request's results, and keeps nothing of it alive. Async continuations ({@link #wrapAsync}) do
 * keep the request open until they end.
 *
 * <p>Every method returns normally whatever happens inside, except that {@link #run} lets the
 * task's own exceptions through.
 */
public final class HandOff {
  /** {@link #begin} found nothing to attach: {@link #end} does nothing. */
  private static final Object NOTHING = new Object();
  /** {@link #begin} attached a request on a thread that had none. */
  private static final Object NO_PREVIOUS = new Object();
  /** What a {@code ThreadPoolExecutor} gives its thread factory: the worker loop, not a task. */
  private static final String POOL_WORKER = "java.util.concurrent.ThreadPoolExecutor$Worker";

  private HandOff() {}

  /** A task is being handed to another thread: remember the current request for it, if any. */
  public static void capture(Object task) {
    try {
      Request request = RequestScope.current();
      if (request != null && task != null) {
        PendingTasks.put(task, request, false);
      }
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
    }
  }

  /** A handed-off task will not run (rejected): give back what it held. */
  public static void discard(Object task) {
    try {
      if (task != null) {
        PendingTasks.discard(task);
      }
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
    }
  }

  /**
   * A task starts: attaches the request it was handed from, if any. Returns what to pass to
   * {@link #end} in a finally block.
   */
  public static Object begin(Object task) {
    try {
      PendingTasks.Pending pending = PendingTasks.take(task);
      if (pending == null || !pending.retained && pending.request.isClosed()) {
        return NOTHING;
      }
      Stats.HANDED_OFF.increment();
      Binding previous = RequestScope.attachTaken(pending.request, pending.retained);
      return previous == null ? NO_PREVIOUS : previous;
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
      return NOTHING;
    }
  }

  /**
   * A started thread begins running its task (a virtual thread's {@code run(Runnable)}): as
   * {@link #begin} with the thread, except that a pool's worker takes nothing from the request it
   * happened to be started in. A worker runs the pool's tasks for its whole life, each of them
   * handed over on its own; attached to the starting request, it would run tasks submitted outside
   * any request in that request while it is open.
   */
  public static Object beginThread(Object thread, Object task) {
    try {
      if (task != null && task.getClass().getName().equals(POOL_WORKER)) {
        PendingTasks.take(thread);
        return NOTHING;
      }
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
      return NOTHING;
    }
    return begin(thread);
  }

  /**
   * The task begun with {@link #begin} has ended: the thread's previous state comes back exactly.
   * Null (an enter advice that failed, its result suppressed) changes nothing.
   */
  public static void end(Object begun) {
    if (begun != NOTHING && begun != null) {
      try {
        RequestScope.restore(begun == NO_PREVIOUS ? null : begun);
      } catch (Throwable reportFailed) {
        // restore reports its own errors; only a failing report gets here
      }
    }
  }

  /**
   * Runs a task at a call site that an executor's worker loop has been rewritten to call. No advice
   * guards this call site: only the task's own exceptions may leave it.
   */
  public static void run(Runnable task) {
    Object begun;
    try {
      begun = begin(task);
    } catch (Throwable reportFailed) {
      // begin reports its own errors; only a failing report gets here
      begun = NOTHING;
    }
    try {
      task.run();
    } finally {
      end(begun);
    }
  }

  /**
   * Wraps a task for an executor that never exposes it again (a servlet container's
   * {@code AsyncContext.start}, a thread started per task); returns {@code task} itself outside a
   * request.
   */
  public static Runnable wrap(Runnable task) {
    return wrap(task, false);
  }

  /**
   * As {@link #wrap}, for a servlet container's {@code AsyncContext.start}: the task continues the
   * request after its boundary returned, so it keeps the request open until it has run (or has been
   * dropped).
   */
  public static Runnable wrapAsync(Runnable task) {
    return wrap(task, true);
  }

  private static Runnable wrap(Runnable task, boolean retain) {
    try {
      Request request = RequestScope.current();
      if (request == null || task == null || task instanceof HandedOffRunnable) {
        return task;
      }
      HandedOffRunnable wrapper = new HandedOffRunnable(task);
      PendingTasks.put(wrapper, request, retain);
      return wrapper;
    } catch (Throwable error) {
      Settings.sink.internalError("request hand-off", error);
      return task;
    }
  }
}
