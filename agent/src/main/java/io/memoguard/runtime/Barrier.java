package io.memoguard.runtime;

/**
 * The write barrier. Every write to an instance field of a guarded class is rewritten to read the
 * object's tracker field and call {@link #write} before the store. The fast path is a null check
 * that the JIT inlines at the write site; only objects that are part of a live memoized value take
 * the slow path.
 */
public final class Barrier {
  private Barrier() {}

  /**
   * @param tracker the object's tracker field; null when the object is not part of a cached value
   * @param field the written field as {@code fully.qualified.Class.field}
   * @throws MutationRejectedException in {@code fail} mode, before the write happens
   */
  public static void write(Object tracker, String field) {
    if (tracker != null) {
      Mutations.written(tracker, field);
    }
  }
}
