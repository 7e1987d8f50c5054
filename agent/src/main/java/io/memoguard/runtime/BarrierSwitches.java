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
  private static final MethodType WRITE = MethodType.methodType(void.class, Object.class);

  private static final class Switch {
    final SwitchPoint point = new SwitchPoint();
    /** Set only after the point's invalidation returned: then every barrier of the class tests. */
    volatile boolean armed;
  }

  private BarrierSwitches() {}

  /**
   * Bootstrap of a write site in {@code caller}'s class, of type {@code (Object)void} taking the
   * written object. Falls back to the barrier that always tests whenever the switched one cannot
   * be built.
   *
   * @param field the written field as {@code fully.qualified.Class.field}
   * @param own 1 when the caller declares the tracker field itself and the barrier reads it
   *     directly, 0 when it is inherited and read through {@link Guarded}
   */
  public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type,
      String field, int own) throws ReflectiveOperationException {
    MethodHandle tests = MethodHandles.insertArguments(MethodHandles.lookup().findStatic(
        Barrier.class, "write", MethodType.methodType(void.class, Object.class, String.class)),
        1, field);
    try {
      Class<?> owner = caller.lookupClass();
      if (own != 0) {
        tests = ownBarrier(caller, owner, field);
      }
      MethodHandle off = MethodHandles.empty(WRITE);
      return new ConstantCallSite(SWITCHES.get(owner).point.guardWithTest(off, tests)
          .asType(type));
    } catch (Throwable error) {
      Settings.sink.internalError("write barrier link", error);
      return new ConstantCallSite(tests.asType(type));
    }
  }

  /** {@link Barrier#writeOwn} with the tracker read from the written object's own field. */
  private static MethodHandle ownBarrier(MethodHandles.Lookup caller, Class<?> owner, String field)
      throws ReflectiveOperationException {
    MethodHandle writeOwn = MethodHandles.insertArguments(MethodHandles.lookup().findStatic(
        Barrier.class, "writeOwn",
        MethodType.methodType(void.class, Object.class, Object.class, String.class)), 2, field);
    MethodHandle tracker = caller.findGetter(owner, Guarded.TRACKER_FIELD, Object.class)
        .asType(MethodType.methodType(Object.class, Object.class));
    // (target, target) -> writeOwn(target, target.tracker)
    return MethodHandles.permuteArguments(MethodHandles.filterArguments(writeOwn, 1, tracker),
        WRITE, 0, 0);
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
