package io.memoguard.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Called at the start of the JDK methods that hand out a way to write an instance field without a
 * {@code PUTFIELD}: method handle setters, var handles, atomic field updaters and
 * {@code sun.misc.Unsafe} field offsets. Writes through what they return pass no barrier, so the
 * fields of a guarded class that one of them targets are checked on read from then on
 * ({@link BarrierTrust#open}), and so are the final fields of any class that one of them, or a
 * reflective write, targets. The JDK itself calls these methods for its own classes, often
 * while it is starting: anything that is not a guarded class costs one type check.
 */
public final class FieldHandles {
  private FieldHandles() {}

  /** A handle to some instance field of {@code holder} or of one of its superclasses. */
  public static void created(Class<?> holder) {
    try {
      if (holder != null && Guarded.class.isAssignableFrom(holder)) {
        BarrierTrust.open(holder);
      }
    } catch (Throwable error) {
      // the host's lookup goes on whatever happens here
    }
  }

  /**
   * A handle to {@code field}, or a reflective write to it. A final field has no barrier in any
   * class and is not snapshotted as long as nothing can write it after construction: from now on
   * something can.
   */
  public static void created(Field field) {
    try {
      int modifiers = field == null ? Modifier.STATIC : field.getModifiers();
      if (Modifier.isStatic(modifiers)) {
        return;
      }
      if (Modifier.isFinal(modifiers)) {
        BarrierTrust.open(field.getDeclaringClass());
      } else {
        created(field.getDeclaringClass());
      }
    } catch (Throwable error) {
      // as above
    }
  }
}
