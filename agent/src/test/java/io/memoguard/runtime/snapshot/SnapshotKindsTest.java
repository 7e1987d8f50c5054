package io.memoguard.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.AuditedBase;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.AuditedEntity;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Plain;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Timestamp;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collections;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every snapshot kind of {@link ClassInfo} is handled at store ({@code SnapshotTaker.process}), at a
 * hit ({@code Snapshot.check}) and in verify mode ({@code StructuralDiff.compare}). The kinds are
 * found by reflection, so a new kind fails here until it has a sample below; the sample's mutation
 * must then be caught by the snapshot and its values compared by structure, which a kind that falls
 * into one of the switches' default branches does not do.
 */
class SnapshotKindsTest {

  private static final int CAP = 1_000;

  /**
   * A JDK wrapper is a WRAPPER only when java.util is open to the runtime, as under the agent;
   * in a plain test JVM it cannot be looked into and is a LEAF, so its handling cannot be shown here.
   */
  private static final boolean WRAPPERS_READABLE =
      Object.class.getModule().isOpen("java.util", ClassInfo.class.getModule());

  /** A value of one kind, built afresh on each call, and a change made to it in place. */
  private static final class Sample {
    final Supplier<Object> make;
    final Consumer<Object> mutate;

    Sample(Supplier<Object> make, Consumer<Object> mutate) {
      this.make = make;
      this.mutate = mutate;
    }
  }

  private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

  private static void sample(String kind, Supplier<Object> make, Consumer<Object> mutate) {
    SAMPLES.put(kind, new Sample(make, mutate));
  }

  @SuppressWarnings("unchecked")
  private static <T> T as(Object o) {
    return (T) o;
  }

  static {
    sample("LEAF", () -> new String("text"), null);
    // the superclass's field carries no barrier: it is snapshotted, the rest is reported by barriers
    sample("GUARDED", AuditedEntity::new, o -> ((AuditedBase) o).audit = "changed");
    sample("PLAIN", () -> new Plain("p"), o -> ((Plain) o).name = "q");
    // the wrapper is seen through: the change is to the atomic behind it
    sample("WRAPPER",
        () -> Collections.unmodifiableList(new ArrayList<>(List.of(new AtomicInteger(1)))),
        o -> ((AtomicInteger) SnapshotKindsTest.<List<Object>>as(o).get(0)).incrementAndGet());
    sample("COLLECTION", () -> new ArrayList<>(List.of("a")),
        o -> SnapshotKindsTest.<List<Object>>as(o).add("b"));
    sample("MAP", () -> new HashMap<>(Map.of("k", "v")),
        o -> SnapshotKindsTest.<Map<Object, Object>>as(o).put("k", "w"));
    sample("ENTRY", () -> new AbstractMap.SimpleEntry<>("k", "v"),
        o -> SnapshotKindsTest.<Map.Entry<Object, Object>>as(o).setValue("w"));
    sample("OBJECT_ARRAY", () -> new Object[] {"a"}, o -> ((Object[]) o)[0] = "b");
    sample("PRIMITIVE_ARRAY", () -> new int[] {1}, o -> ((int[]) o)[0] = 2);
    sample("DATE", () -> new Date(0), o -> ((Date) o).setTime(1));
    sample("TIMESTAMP", () -> new Timestamp(0), o -> ((Timestamp) o).setNanos(5));
    sample("CALENDAR", () -> {
      Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      c.setTimeInMillis(0);
      return c;
    }, o -> ((Calendar) o).setLenient(false));
    sample("OPTIONAL", () -> Optional.of(new AtomicInteger(1)),
        o -> SnapshotKindsTest.<Optional<AtomicInteger>>as(o).get().incrementAndGet());
    sample("CHARS", () -> new StringBuilder("a"), o -> ((StringBuilder) o).append('b'));
    sample("ATOMIC", () -> new AtomicInteger(1), o -> ((AtomicInteger) o).incrementAndGet());
    sample("ATOMIC_REF", () -> new AtomicReference<Object>("a"),
        o -> SnapshotKindsTest.<AtomicReference<Object>>as(o).set("b"));
    sample("ATOMIC_ARRAY", () -> new AtomicIntegerArray(1), o -> ((AtomicIntegerArray) o).set(0, 5));
    sample("ATOMIC_REF_ARRAY", () -> new AtomicReferenceArray<Object>(new Object[] {"a"}),
        o -> SnapshotKindsTest.<AtomicReferenceArray<Object>>as(o).set(0, "b"));
    sample("BITSET", BitSet::new, o -> ((BitSet) o).set(3));
    // never memoized, so never checked nor diffed: only the store has to refuse it
    sample("CONSUMABLE", () -> new ArrayList<>().iterator(), null);
  }

  private static boolean exercised(String kind) {
    return WRAPPERS_READABLE || !kind.equals("WRAPPER");
  }

  /** The kind constants: ClassInfo's static final byte fields, by name. */
  private static Map<String, Byte> kinds() throws IllegalAccessException {
    Map<String, Byte> kinds = new LinkedHashMap<>();
    for (Field f : ClassInfo.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (f.getType() == byte.class && Modifier.isStatic(m) && Modifier.isFinal(m)) {
        kinds.put(f.getName(), f.getByte(null));
      }
    }
    return kinds;
  }

  @Test
  void everyKindHasASampleOfThatKindAndNoTwoKindsShareAValue() throws Exception {
    Map<String, Byte> kinds = kinds();
    assertThat(kinds).hasSizeGreaterThan(1);
    assertThat(SAMPLES.keySet()).as("a sample for every kind constant of ClassInfo")
        .containsExactlyInAnyOrderElementsOf(kinds.keySet());
    assertThat(kinds.values()).doesNotHaveDuplicates();
    for (Map.Entry<String, Byte> kind : kinds.entrySet()) {
      Object value = SAMPLES.get(kind.getKey()).make.get();
      byte expected = exercised(kind.getKey()) ? kind.getValue() : ClassInfo.LEAF;
      assertThat(ClassInfo.of(value.getClass()).kind).as(kind.getKey()).isEqualTo(expected);
    }
  }

  @Test
  void storeAndCheckCatchAChangeToEveryMutableKind() {
    // soft: the failure names every kind not handled, not only the first
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, Sample> e : SAMPLES.entrySet()) {
      Sample s = e.getValue();
      if (s.mutate == null || !exercised(e.getKey())) {
        continue;
      }
      Object value = s.make.get();
      Snapshot g = SnapshotTaker.take(value, CAP);
      assertThat(g).as(e.getKey() + " stored").isNotNull();
      soft.assertThat(g.check()).as(e.getKey() + " unchanged").isNull();
      s.mutate.accept(value);
      soft.assertThat(g.check()).as(e.getKey() + " changed").isNotNull();
    }
    soft.assertAll();
  }

  @Test
  void storeKeepsTheKindsWithoutASnapshotOfTheirOwnApart() {
    Snapshot leaf = SnapshotTaker.take(SAMPLES.get("LEAF").make.get(), CAP);
    assertThat(leaf.watchedCount()).isZero();
    assertThat(leaf.guardedCount()).isZero();

    Object entity = SAMPLES.get("GUARDED").make.get();
    Snapshot guarded = SnapshotTaker.take(entity, CAP);
    assertThat(guarded.guardedCount()).isEqualTo(1);
    assertThat(guarded.guarded(0)).isSameAs(entity);

    Footprint footprint = new Footprint();
    Object cursor = SAMPLES.get("CONSUMABLE").make.get();
    assertThat(SnapshotTaker.take(List.of(cursor), CAP, footprint)).isNull();
    assertThat(footprint.consumable).isSameAs(cursor.getClass());
  }

  @Test
  void diffComparesEveryKindByStructure() {
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, Sample> e : SAMPLES.entrySet()) {
      if (e.getKey().equals("CONSUMABLE") || !exercised(e.getKey())) {
        continue;
      }
      Sample s = e.getValue();
      soft.assertThat(StructuralDiff.same(s.make.get(), s.make.get(), CAP))
          .as(e.getKey() + ": two equal values").isTrue();
      Object changed = s.make.get();
      if (s.mutate != null) {
        s.mutate.accept(changed);
      } else {
        changed = new String("other");
      }
      soft.assertThat(StructuralDiff.firstDifference(s.make.get(), changed, CAP))
          .as(e.getKey() + ": a changed value").isNotNull();
    }
    soft.assertAll();
  }
}
