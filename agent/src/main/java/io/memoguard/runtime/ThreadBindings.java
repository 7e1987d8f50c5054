package io.memoguard.runtime;

/**
 * The binding of each thread. A thread-local holds it; in front of it, a table indexed by the
 * thread's identity hash answers the hit path with three dependent loads instead of the
 * thread-local's five (thread, map, table, entry, value), which had become half of a hit.
 *
 * <p>The table is only a shortcut: a slot counts for the thread its binding names, and every
 * change of a thread's binding goes through {@link #set}, which writes the thread-local first and
 * then its slot. So a slot whose binding names the current thread holds exactly that thread's
 * current binding: only a thread writes bindings that name it, a later write of its own hides its
 * earlier ones, and another thread writes only its own bindings or clears a slot that held its
 * own. A thread that loses its slot to another (two threads with the same slot) reads the
 * thread-local. The identity hash, not {@code Thread.getId()}, picks the slot: a host's thread
 * class may override {@code getId}, and the agent never runs host code.
 *
 * <p>A slot keeps its binding only while the thread holds it: the boundary's and the task's
 * finally paths set the outer binding or none, which clears the slot, so a pooled thread carries
 * nothing between tasks here either.
 */
final class ThreadBindings {
  private static final int SLOTS = 1 << 10;
  private static final Binding[] TABLE = new Binding[SLOTS];
  private static final ThreadLocal<Binding> LOCAL = new ThreadLocal<>();

  private ThreadBindings() {}

  static Binding get() {
    Thread thread = Thread.currentThread();
    Binding fast = TABLE[slot(thread)];
    return fast != null && fast.thread == thread ? fast : LOCAL.get();
  }

  /** Makes {@code binding} (null: none) the current thread's. */
  static void set(Binding binding) {
    Thread thread = Thread.currentThread();
    if (binding == null) {
      LOCAL.remove();
    } else {
      LOCAL.set(binding);
    }
    int slot = slot(thread);
    if (binding != null && binding.thread == thread) {
      TABLE[slot] = binding;
    } else {
      Binding held = TABLE[slot];
      if (held != null && held.thread == thread) {
        TABLE[slot] = null;
      }
    }
  }

  static int slot(Thread thread) {
    return System.identityHashCode(thread) & (SLOTS - 1);
  }

  /** What the table holds in {@code thread}'s slot, whoever it belongs to. */
  static Binding held(Thread thread) {
    return TABLE[slot(thread)];
  }
}
