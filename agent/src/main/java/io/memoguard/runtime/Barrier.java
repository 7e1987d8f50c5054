package io.memoguard.runtime;

import java.lang.reflect.Field;

/**
 * The write barrier. Every write to an instance field of a guarded class is rewritten to read the
 * object's tracker field and call {@link #write} before the store. The fast path is a null check
 * that the JIT inlines at the write site; only objects that are part of a live memoized value take
 * the slow path.
 */
public final class Barrier {
  /**
   * Set while a reflective write is being handled on this thread. Reporting runs agent code
   * (logging, stack walking) that might itself set fields reflectively; those writes are not the
   * host's and must not re-enter the barrier. Removed afterwards: a pooled thread keeps nothing.
   */
  private static final ThreadLocal<Boolean> HANDLING = new ThreadLocal<>();

  private Barrier() {}

  /**
   * @param tracker the object's tracker field; null when the object is not part of a cached value
   * @param field the written field as {@code fully.qualified.Class.field}
   * @throws MutationRejectedException in {@code fail} mode, before the write happens
   */
  public static void write(Object tracker, String field) {
    if (tracker != null) {
      Mutations.written(tracker, field, false);
    }
  }

  /**
   * Called at the start of {@code Field.set}, {@code setInt} and the other setters. The JDK calls
   * them too (start-up, serialization frameworks), so anything that is not a cached guarded object
   * costs one type check and nothing else.
   *
   * @param target the object whose field is set; null for a static field
   * @param field the field being set
   * @throws MutationRejectedException in {@code fail} mode, before the write happens
   */
  public static void reflectiveWrite(Object target, Field field) {
    if (target instanceof Guarded) {
      Object tracker = ((Guarded) target).$memoguard$getTracker();
      if (tracker != null) {
        reflectiveSlowPath(tracker, field);
      }
    }
  }

  private static void reflectiveSlowPath(Object tracker, Field field) {
    if (HANDLING.get() != null) {
      return;
    }
    String name;
    try {
      name = field.getName();
      if (name.equals(Guarded.TRACKER_FIELD)) {
        return;
      }
      name = field.getDeclaringClass().getName() + "." + name;
    } catch (Throwable error) {
      Settings.sink.internalError("reflective write barrier", error);
      return;
    }
    HANDLING.set(Boolean.TRUE);
    try {
      Mutations.written(tracker, name, true);
    } finally {
      HANDLING.remove();
    }
  }
}
