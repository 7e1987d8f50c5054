package io.memoguard.runtime.snapshot;

import java.util.Calendar;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicStampedReference;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The state of the mutable JDK value kinds of {@link ClassInfo}, read through their public JDK API
 * only, in one place so that store ({@link SnapshotTaker}), check ({@link Snapshot}) and diff
 * ({@link StructuralDiff}) read the same state.
 */
final class JdkValues {
  private JdkValues() {}

  /** The bits of the value of an {@link ClassInfo#ATOMIC}, or the stamp or mark of an {@link ClassInfo#ATOMIC_REF}. */
  static long atomicBits(Object o) {
    if (o instanceof AtomicInteger) return ((AtomicInteger) o).get();
    if (o instanceof AtomicLong) return ((AtomicLong) o).get();
    if (o instanceof AtomicBoolean) return ((AtomicBoolean) o).get() ? 1 : 0;
    if (o instanceof LongAdder) return ((LongAdder) o).sum();
    if (o instanceof DoubleAdder) return Double.doubleToRawLongBits(((DoubleAdder) o).sum());
    if (o instanceof LongAccumulator) return ((LongAccumulator) o).get();
    if (o instanceof DoubleAccumulator) {
      return Double.doubleToRawLongBits(((DoubleAccumulator) o).get());
    }
    if (o instanceof AtomicStampedReference) return ((AtomicStampedReference<?>) o).getStamp();
    if (o instanceof AtomicMarkableReference) {
      return ((AtomicMarkableReference<?>) o).isMarked() ? 1 : 0;
    }
    return 0;
  }

  /** The referent of an {@link ClassInfo#ATOMIC_REF}. */
  static Object referent(Object o) {
    if (o instanceof AtomicReference) return ((AtomicReference<?>) o).get();
    if (o instanceof AtomicStampedReference) return ((AtomicStampedReference<?>) o).getReference();
    return ((AtomicMarkableReference<?>) o).getReference();
  }

  static int atomicLength(Object o) {
    return o instanceof AtomicIntegerArray ? ((AtomicIntegerArray) o).length()
        : ((AtomicLongArray) o).length();
  }

  static long atomicElement(Object o, int i) {
    return o instanceof AtomicIntegerArray ? ((AtomicIntegerArray) o).get(i)
        : ((AtomicLongArray) o).get(i);
  }

  /**
   * Calendar state besides its instant that changes what it prints: leniency and week rules.
   * (Its time zone is compared separately.)
   */
  static long calendarRules(Calendar c) {
    return (c.isLenient() ? 1 : 0) | c.getFirstDayOfWeek() << 1 | c.getMinimalDaysInFirstWeek() << 8;
  }

  /** Same zone object, or one with the same id and rules (setTimeZone with an equal zone). */
  static boolean sameZone(TimeZone now, Object before) {
    if (now == before) {
      return true;
    }
    TimeZone b = (TimeZone) before;
    return now.getID().equals(b.getID()) && now.hasSameRules(b);
  }
}
