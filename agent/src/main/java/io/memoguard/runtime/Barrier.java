package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.BarrierTrust;
import io.memoguard.runtime.snapshot.Guarded;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The write barrier. Every write to an instance field of a guarded class is rewritten to call
 * {@link #write} with the written object before the store. The fast path is a type check and a
 * final interface method that the JIT inlines at the write site; only objects that are part of a
 * live memoized value take the slow path.
 *
 * <p>The barrier takes the object, not its tracker field: a write site is rewritten when its own
 * class loads, and it cannot know whether the class that declares the field got a tracker (its
 * transformation may have failed, it may have loaded before the agent, from the boot class path,
 * or with another superclass in another loader). An object whose class is not {@link Guarded} at
 * run time is simply not barriered here; {@link ClassInfo} snapshots its fields instead.
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
   * @param target the object whose field is written
   * @param field the written field as {@code fully.qualified.Class.field}
   * @throws MutationRejectedException in {@code fail} mode, before the write happens
   */
  public static void write(Object target, String field) {
    if (target instanceof Guarded) {
      Object tracker = ((Guarded) target).$memoguard$getTracker();
      if (tracker != null) {
        Mutations.written(target, tracker, field, false);
      }
    }
  }

  /**
   * The barrier of a guarded class writing its own fields: that class declares the tracker field,
   * so the rewritten code reads it directly.
   *
   * @param target the object whose field is written
   * @param tracker its tracker field
   */
  public static void writeOwn(Object target, Object tracker, String field) {
    if (tracker != null) {
      Mutations.written(target, tracker, field, false);
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
        reflectiveSlowPath(target, tracker, field);
      }
    } else if (target != null && field != null && Modifier.isFinal(field.getModifiers())) {
      reflectiveFinalWrite(field);
    }
  }

  /**
   * Called by the agent when some writes to guarded fields carry no barrier (a class writing them
   * failed to transform, or classes loaded before a run-time attach): guarded objects are then
   * also checked on read, like unguarded ones.
   */
  public static void barriersIncomplete() {
    BarrierTrust.lose();
  }

  /**
   * Called by the agent when it leaves {@code Field} and the JDK's handle factories unchanged:
   * reflective and handle writes, also to final fields, are then only found by checking on read.
   */
  public static void jdkWritersUnseen() {
    BarrierTrust.loseJdkWriters();
  }

  /**
   * Some field of {@code type} or a superclass can now be written past its barrier: its instances
   * are checked on read from now on, said once per class.
   */
  static void open(Class<?> type) {
    if (BarrierTrust.open(type)) {
      Settings.sink.notice("fields of " + type.getName() + " can be written past its barriers or"
          + " after construction (a var handle, method handle setter, atomic field updater, Unsafe,"
          + " or reflection on a final field): its instances in memoized values are checked on read"
          + " from now on");
    }
  }

  /** A final field has no barrier anywhere: its class's final fields are checked on read from now on. */
  private static void reflectiveFinalWrite(Field field) {
    try {
      if (!Modifier.isStatic(field.getModifiers())) {
        open(field.getDeclaringClass());
      }
    } catch (Throwable error) {
      Settings.sink.internalError("reflective write barrier", error);
    }
  }

  private static void reflectiveSlowPath(Object target, Object tracker, Field field) {
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
      Mutations.written(target, tracker, name, true);
    } finally {
      HANDLING.remove();
    }
  }
}
