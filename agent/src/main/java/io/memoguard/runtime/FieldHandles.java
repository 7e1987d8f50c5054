package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Guarded;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Called at the start of the JDK methods that hand out a way to write an instance field without a
 * {@code PUTFIELD}: method handle setters, var handles, atomic field updaters and
 * {@code sun.misc.Unsafe} field offsets. Writes through what they return pass no barrier, so the
 * fields of a guarded class that one of them targets are checked on read from then on
 * ({@link Barrier#open}), and so are the final fields of any class whose final field one of
 * them targets.
 *
 * <p>The JDK calls these methods too: for its own classes, often while it is starting (anything
 * that is not an application class costs a type check), and for application classes inside core
 * reflection, which since JDK 18 reads and writes fields through method handles. Handles the JDK
 * creates for itself do not count: reflective writes pass their own barrier
 * ({@link Barrier#reflectiveWrite}), and deserialization writes only new objects.
 */
public final class FieldHandles {
  private static final StackWalker STACK =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private FieldHandles() {}

  /** A handle to some instance field of {@code holder} or of one of its superclasses. */
  public static void created(Class<?> holder) {
    try {
      if (holder != null && Guarded.class.isAssignableFrom(holder) && !createdByTheJdk()) {
        Barrier.open(holder);
      }
    } catch (Throwable error) {
      // the host's lookup goes on whatever happens here
    }
  }

  /** A handle to {@code field}. */
  public static void created(Field field) {
    try {
      int modifiers = field == null ? Modifier.STATIC : field.getModifiers();
      if (Modifier.isStatic(modifiers)) {
        return;
      }
      Class<?> holder = field.getDeclaringClass();
      // a final field has no barrier in any class, and is not snapshotted as long as nothing can
      // write it after construction
      if ((Modifier.isFinal(modifiers) || Guarded.class.isAssignableFrom(holder))
          && !createdByTheJdk()) {
        Barrier.open(holder);
      }
    } catch (Throwable error) {
      // as above
    }
  }

  /** Whether the method that called the handle factory belongs to java.base. */
  private static boolean createdByTheJdk() {
    Class<?> caller = STACK.walk(frames -> frames
        .dropWhile(frame -> frame.getDeclaringClass() == FieldHandles.class)
        .skip(1) // the factory itself
        .findFirst()
        .<Class<?>>map(StackWalker.StackFrame::getDeclaringClass)
        .orElse(null));
    return caller != null && caller.getModule() == Object.class.getModule();
  }
}
