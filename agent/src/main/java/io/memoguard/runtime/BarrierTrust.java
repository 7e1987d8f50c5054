package io.memoguard.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Which fields the graph walker may leave to the write barrier. A class's declared fields are
 * barriered only when the agent rewrote the class as guarded (it carries the marker
 * {@link Guarded#BARRIERED_FIELD}); a guarded class whose transformation failed, that loaded before
 * the agent, from the boot class path, or that relies on an ancestor it could not read, has no
 * marker and is checked on read like any unguarded class.
 */
final class BarrierTrust {
  /**
   * False once some writes to guarded fields may carry no barrier (a writer class failed to
   * transform, classes loaded before a run-time attach): every field is then checked on read.
   */
  static volatile boolean complete = true;

  private BarrierTrust() {}

  static boolean marked(Field[] declared) {
    for (Field f : declared) {
      if (f.getName().equals(Guarded.BARRIERED_FIELD) && Modifier.isStatic(f.getModifiers())) {
        return true;
      }
    }
    return false;
  }

  static void lose() {
    if (complete) {
      complete = false;
      ClassInfo.clearCache();
    }
  }
}
