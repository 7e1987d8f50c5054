package io.memoguard.runtime;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tasks handed to another thread and not started yet, each with the request it was handed from.
 * The task itself is left as it is (no wrapper), so executors, {@code afterExecute} hooks,
 * {@code shutdownNow()} and {@code remove(task)} see the host's own objects; the association lives
 * here, keyed by the task's identity and held weakly.
 *
 * <p>An async continuation (a task given to {@code AsyncContext.start}, a captured token) holds a
 * reference on its request while pending. It is given back when the task starts (the reference
 * moves to the running task's binding), when it is rejected, or, for one dropped without ever
 * running, once the garbage collector has cleared the key: stale keys are swept on each capture and
 * take, and at each request start. A dropped task so keeps nothing alive but its own weak key. An
 * executor task holds no reference (see {@link HandOff}).
 */
final class PendingTasks {
  private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
  private static final ConcurrentHashMap<Object, Pending> PENDING = new ConcurrentHashMap<>();

  private PendingTasks() {}

  /**
   * Associates {@code task} with {@code request}, taking a reference on it if {@code retain}; a
   * task already pending keeps its first association.
   */
  static void put(Object task, Request request, boolean retain) {
    sweep();
    if (retain && !request.retain()) {
      return;
    }
    if (PENDING.putIfAbsent(new WeakKey(task, CLEARED), new Pending(request, retain)) != null
        && retain) {
      request.release();
    }
  }

  /**
   * Removes and returns what {@code task} was handed with (a retained entry passes its reference to
   * the caller), or null. Costs one emptiness check when nothing is pending.
   */
  static Pending take(Object task) {
    if (PENDING.isEmpty()) {
      return null;
    }
    sweep();
    return PENDING.remove(new Lookup(task));
  }

  /** As {@link #take}, for a token: the request, with the reference the entry held, or null. */
  static Request takeRetained(Object token) {
    Pending pending = take(token);
    return pending == null ? null : pending.request;
  }

  /** Forgets a task that will not run, giving back its reference. */
  static void discard(Object task) {
    Pending pending = take(task);
    if (pending != null) {
      pending.drop();
    }
  }

  /** Gives back the references of tasks that were dropped without running. */
  static void sweep() {
    Reference<?> cleared;
    while ((cleared = CLEARED.poll()) != null) {
      Pending pending = PENDING.remove(cleared);
      if (pending != null) {
        pending.drop();
      }
    }
  }

  static int size() {
    return PENDING.size();
  }

  /** A pending task's request, and whether the entry holds a reference on it. */
  static final class Pending {
    final Request request;
    final boolean retained;

    Pending(Request request, boolean retained) {
      this.request = request;
      this.retained = retained;
    }

    void drop() {
      if (retained) {
        request.release();
      }
    }
  }

  /** Equal to another key with the same live referent; a cleared key equals only itself. */
  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object task, ReferenceQueue<Object> queue) {
      super(task, queue);
      hash = System.identityHashCode(task);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object task = get();
      return task != null && other instanceof WeakKey && ((WeakKey) other).get() == task;
    }
  }

  /** A strong, short-lived probe; the map calls its {@code equals} with the stored keys. */
  private static final class Lookup {
    private final Object task;
    private final int hash;

    Lookup(Object task) {
      this.task = task;
      hash = System.identityHashCode(task);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WeakKey && ((WeakKey) other).get() == task;
    }
  }
}
