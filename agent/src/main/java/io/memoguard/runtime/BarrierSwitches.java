package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Guarded;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SwitchPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a guarded class's own write barriers out of compiled code until an instance of it is
 * tracked. A class writing its own fields gets, before each write, an {@code invokedynamic} call
 * site linked here: a {@link SwitchPoint} of that class guards a no-op, so the JIT compiles the
 * barrier to nothing (no tracker load, no test) while the switch is valid. {@link #arm} invalidates
 * the switches of an object's class and superclasses before the object's tracker is set; the JDK
 * deoptimizes the code that relied on them before {@code invalidateAll} returns, so no write after
 * the tracker is set can run without its barrier.
 *
 * <p>The switch is keyed by the loaded class whose code holds the call site, which is the written
 * field's class: the same name in two loaders has two switches. Writes to another class's fields
 * keep the barrier that always tests ({@link Barrier#write}): resolving that class from the call
 * site would load it.
 */
public final class BarrierSwitches {
  private static final ClassValue<Switch> SWITCHES = new ClassValue<>() {
    @Override
    protected Switch computeValue(Class<?> type) {
      return new Switch();
    }
  };
  /** A write site's type: the written object and the field's name. */
  private static final MethodType SITE = MethodType.methodType(void.class, Object.class,
      String.class);
  private static final MethodHandle OFF = MethodHandles.empty(SITE);
  /** {@link Barrier#write}; null only if the runtime cannot see its own method. */
  private static final MethodHandle WRITE = find("write", SITE);
  private static final MethodHandle WRITE_OWN = find("writeOwn",
      MethodType.methodType(void.class, Object.class, Object.class, String.class));

  private static final class Switch {
    final SwitchPoint point = new SwitchPoint();
    /** Set only after the point's invalidation returned: then every barrier of the class tests. */
    volatile boolean armed;
    // the class's switched barriers, built by its first write site of each kind; a race builds
    // equal ones
    MethodHandle own;
    MethodHandle inherited;
  }

  private BarrierSwitches() {}

  private static MethodHandle find(String name, MethodType type) {
    try {
      return MethodHandles.lookup().findStatic(Barrier.class, name, type);
    } catch (ReflectiveOperationException | RuntimeException impossible) {
      return null;
    }
  }

  /**
   * Bootstrap of a write site in {@code caller}'s class, of type {@code (Object, String)void}:
   * the written object and the field as {@code fully.qualified.Class.field}. Falls back to the
   * barrier that always tests whenever the switched one cannot be built; the call sites of a class
   * share its two barriers, so a site's link costs a class-value read.
   *
   * @param own 1 when the caller declares the tracker field itself and the barrier reads it
   *     directly, 0 when it is inherited and read through {@link Guarded}
   */
  public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type,
      int own) {
    try {
      Switch s = SWITCHES.get(caller.lookupClass());
      MethodHandle barrier = own != 0 ? s.own : s.inherited;
      if (barrier == null) {
        barrier = s.point.guardWithTest(OFF, own != 0 ? ownBarrier(caller) : WRITE);
        if (own != 0) {
          s.own = barrier;
        } else {
          s.inherited = barrier;
        }
      }
      return new ConstantCallSite(barrier.asType(type));
    } catch (Throwable error) {
      Settings.sink.internalError("write barrier link", error);
      if (WRITE != null) {
        return new ConstantCallSite(WRITE.asType(type));
      }
      // no barrier can be linked: guarded objects are checked on read instead
      Barrier.barriersIncomplete();
      return new ConstantCallSite(MethodHandles.empty(type));
    }
  }

  /** {@link Barrier#writeOwn} with the tracker read from the written object's own field. */
  private static MethodHandle ownBarrier(MethodHandles.Lookup caller)
      throws ReflectiveOperationException {
    MethodHandle tracker = caller.findGetter(caller.lookupClass(), Guarded.TRACKER_FIELD,
        Object.class).asType(MethodType.methodType(Object.class, Object.class));
    // (target, target, field) -> writeOwn(target, target.tracker, field)
    return MethodHandles.permuteArguments(MethodHandles.filterArguments(WRITE_OWN, 1, tracker),
        SITE, 0, 0, 1);
  }

  /**
   * Turns on the barriers of {@code type} and its superclasses, the classes whose fields an
   * instance of it has; returns once no compiled code skips them. Called before an object of
   * {@code type} gets a tracker; after the first time, a class-value read and a volatile read.
   */
  static void arm(Class<?> type) {
    if (SWITCHES.get(type).armed) {
      return;
    }
    List<Switch> off = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Switch s = SWITCHES.get(c);
      if (!s.armed) {
        off.add(s);
      }
    }
    SwitchPoint[] points = new SwitchPoint[off.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = off.get(i).point;
    }
    SwitchPoint.invalidateAll(points);
    for (Switch s : off) {
      s.armed = true;
    }
  }

  /** Whether {@link #arm} has turned on the barriers of {@code type}; for tests. */
  static boolean armed(Class<?> type) {
    return SWITCHES.get(type).armed;
  }
}
