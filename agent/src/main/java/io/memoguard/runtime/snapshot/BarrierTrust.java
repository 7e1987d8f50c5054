package io.memoguard.runtime.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which fields the graph walker may leave to the write barrier. A class's declared fields are
 * barriered only when the agent rewrote the class as guarded (it carries the marker
 * {@link Guarded#BARRIERED_FIELD}); a guarded class whose transformation failed, that loaded before
 * the agent, from the boot class path, or that relies on an ancestor it could not read, has no
 * marker and is checked on read like any unguarded class.
 */
public final class BarrierTrust {
  /**
   * False once some writes to guarded fields may carry no barrier (a writer class failed to
   * transform, classes loaded before a run-time attach): every field is then checked on read.
   */
  static volatile boolean complete = true;

  /**
   * False while reflection, method and var handles, field updaters and Unsafe write with no JDK
   * barrier telling the runtime (the JVM is writing a class-data archive, so the agent left the JDK
   * classes alone): any field, final ones included, may change after construction.
   */
  static volatile boolean jdkWritersSeen = true;

  /**
   * Changes whenever some barriers stop being trusted. An entry stored before was walked under the
   * old trust, so its guarded objects' fields were not snapshotted: it is not served again.
   */
  public static volatile int epoch;

  /** Per class, not in a set of classes: remembering a class must not keep its loader alive. */
  private static final ClassValue<AtomicBoolean> BYPASSED = new ClassValue<>() {
    @Override
    protected AtomicBoolean computeValue(Class<?> type) {
      return new AtomicBoolean();
    }
  };

  private BarrierTrust() {}

  /**
   * Some instance field of {@code type} or of a superclass can now be written without a barrier
   * (a field handle of the JDK); which one is not known, so the whole chain is checked on
   * read from now on.
   *
   * @return true when this made some class of the chain open; the caller says so once
   */
  public static boolean open(Class<?> type) {
    if (ClassInfo.isJdk(type)) {
      return false;
    }
    boolean changed = false;
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      changed |= BYPASSED.get(k).compareAndSet(false, true);
    }
    if (changed) {
      distrust();
    }
    return changed;
  }

  private static void distrust() {
    synchronized (BarrierTrust.class) {
      epoch++;
    }
    ClassInfo.clearCache();
  }

  /**
   * Whether writes to the fields {@code type} declares may bypass the barrier, and its final fields
   * may change after construction.
   */
  static boolean isOpen(Class<?> type) {
    return BYPASSED.get(type).get();
  }


  static boolean marked(Field[] declared) {
    for (Field f : declared) {
      if (f.getName().equals(Guarded.BARRIERED_FIELD) && Modifier.isStatic(f.getModifiers())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a final field of a non-JDK class may be written without the runtime being told. */
  static boolean finalsUnseen() {
    return !jdkWritersSeen;
  }

  /** See {@link #jdkWritersSeen}: from now on every field of every object is checked on read. */
  public static void loseJdkWriters() {
    if (jdkWritersSeen) {
      jdkWritersSeen = false;
      complete = false;
      distrust();
    }
  }

  public static void lose() {
    if (complete) {
      complete = false;
      distrust();
    }
  }
}
