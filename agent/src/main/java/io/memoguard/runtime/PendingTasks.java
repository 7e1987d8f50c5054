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
 * <p>Each pending task holds one reference on its request. It is given back when the task starts
 * (the reference moves to the running task's binding), when the executor rejects the task, or, for
 * a task that is dropped without ever running, once the garbage collector has cleared the key:
 * stale keys are swept on each capture and take, and at each request start. A dropped task so keeps
 * nothing alive but its own weak key.
 */
final class PendingTasks {
  private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
  private static final ConcurrentHashMap<Object, Request> PENDING = new ConcurrentHashMap<>();

  private PendingTasks() {}

  /** Associates {@code task} with {@code request}; a task already pending keeps its first request. */
  static void put(Object task, Request request) {
    sweep();
    if (!request.retain()) {
      return;
    }
    if (PENDING.putIfAbsent(new WeakKey(task, CLEARED), request) != null) {
      request.release();
    }
  }

  /**
   * Removes and returns the request {@code task} was handed from, with the reference it holds, or
   * null. Costs one emptiness check when nothing is pending.
   */
  static Request take(Object task) {
    if (PENDING.isEmpty()) {
      return null;
    }
    sweep();
    return PENDING.remove(new Lookup(task));
  }

  /** Forgets a task that will not run, giving back its reference. */
  static void discard(Object task) {
    Request request = take(task);
    if (request != null) {
      request.release();
    }
  }

  /** Gives back the references of tasks that were dropped without running. */
  static void sweep() {
    Reference<?> cleared;
    while ((cleared = CLEARED.poll()) != null) {
      Request request = PENDING.remove(cleared);
      if (request != null) {
        request.release();
      }
    }
  }

  static int size() {
    return PENDING.size();
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
