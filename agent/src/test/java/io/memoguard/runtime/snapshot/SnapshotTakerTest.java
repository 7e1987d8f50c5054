package io.memoguard.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.AuditedEntity;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.CachedHash;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.CountingKey;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Entity;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Holder;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.LazyCollection;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.LazyTags;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Money;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Node;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Plain;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Tags;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Trap;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SnapshotTakerTest {

  private static final int CAP = 1_000_000;

  private static List<Guarded> guarded(Snapshot g) {
    List<Guarded> list = new ArrayList<>();
    for (int i = 0; i < g.guardedCount(); i++) {
      list.add(g.guarded(i));
    }
    return list;
  }

  private static Snapshot walk(Object root) {
    Snapshot g = SnapshotTaker.take(root, CAP);
    assertThat(g).isNotNull();
    assertThat(g.check()).as("fresh graph").isNull();
    return g;
  }

  @Nested
  class FindsGuarded {
    @Test
    void throughFieldsCollectionsMapKeysAndValuesArraysAndOptional() {
      Entity viaField = new Entity("field");
      Entity inList = new Entity("list");
      Entity key = new Entity("key");
      Entity value = new Entity("value");
      Entity inArray = new Entity("array");
      Entity inOptional = new Entity("optional");
      Entity nested = new Entity("nested");
      Entity inNestedMap = new Entity("nestedMap");
      Plain root = new Plain("root");
      root.ref = new Object[] {
        viaField,
        List.of(inList),
        new HashMap<>(Map.of(key, value)),
        new Object[] {new Object[] {inArray}},
        Optional.of(inOptional),
        List.of(Set.of(new ArrayList<>(List.of(nested)))),
        new TreeMap<>(Map.of("k", List.of(inNestedMap))),
      };

      Snapshot g = walk(root);

      assertThat(guarded(g)).containsExactlyInAnyOrder(
          viaField, inList, key, value, inArray, inOptional, nested, inNestedMap);
    }

    @Test
    void throughGuardedObjects() {
      Entity parent = new Entity("parent");
      Entity child = new Entity("child");
      Entity grandChild = new Entity("grandChild");
      parent.child = child;
      child.tags.add(grandChild);

      assertThat(guarded(walk(parent))).containsExactly(parent, child, grandChild);
    }

    @Test
    void cyclesAndSharedObjectsOnce() {
      Entity a = new Entity("a");
      Entity b = new Entity("b");
      a.child = b;
      b.child = a;
      a.tags.add(a);
      List<Object> list = new ArrayList<>(List.of(a, b, a, b));
      list.add(list);

      Snapshot g = walk(list);

      assertThat(guarded(g)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void rootOrNothing() {
      Entity e = new Entity("root");
      assertThat(guarded(walk(e))).containsExactly(e);
      Snapshot empty = walk(null);
      assertThat(empty.guardedCount()).isZero();
      assertThat(empty.needsCheck()).isFalse();
      assertThat(walk("just a string").needsCheck()).isFalse();
    }

    @Test
    void onlyGuardedInstancesAreNotWatched() {
      Entity e = new Entity("e");
      Snapshot g = walk(e);
      // the tags list is watched, the entity itself is left to its barriers
      assertThat(g.watchedCount()).isEqualTo(1);
    }
  }

  @Nested
  class Cap {
    /** list + 3 plain objects + their 3 names = 7 distinct objects. */
    private List<Plain> sevenObjects() {
      return new ArrayList<>(List.of(new Plain("a"), new Plain("b"), new Plain("c")));
    }

    @Test
    void exceededReturnsNull() {
      assertThat(SnapshotTaker.take(sevenObjects(), 6)).isNull();
    }

    @Test
    void exactlyAtCapSucceeds() {
      assertThat(SnapshotTaker.take(sevenObjects(), 7)).isNotNull();
    }

    @Test
    void sharedObjectsCountOnce() {
      Plain shared = new Plain("shared");
      List<Plain> list = new ArrayList<>(Collections.nCopies(1000, shared));
      assertThat(SnapshotTaker.take(list, 3)).isNotNull();
    }

    @Test
    void stopsInsideAHugeCollection() {
      List<Object> huge = new ArrayList<>();
      for (int i = 0; i < 100_000; i++) {
        huge.add(new Plain("p" + i));
      }
      assertThat(SnapshotTaker.take(huge, 1000)).isNull();
    }
  }

  @Nested
  class Classification {
    @Test
    void immutableJdkObjectsAreLeaves() {
      List<Object> values = new ArrayList<>(List.of(
          "s", 1, 2L, 'c', true, LocalDate.now(), BigDecimal.ONE, UUID.randomUUID(),
          TimeUnit.DAYS, String.class, Optional.empty()));
      Snapshot g = walk(values);
      assertThat(g.watchedCount()).isEqualTo(1); // the list itself
    }

    @Test
    void opaqueJdkStateKeepsTheValueFromBeingMemoized() {
      Footprint footprint = new Footprint();
      assertThat(SnapshotTaker.take(new ArrayList<>(List.of("s", Thread.currentThread())), 1000,
          footprint)).isNull();
      assertThat(footprint.consumable).isSameAs(Thread.class);
    }

    @Test
    void mutableJdkValuesAreWatched() {
      Snapshot g = walk(new ArrayList<>(List.of(new StringBuilder("x"), new AtomicInteger())));
      assertThat(g.watchedCount()).isEqualTo(3);
    }

    @Test
    void unguardedClassesAreThePlainApplicationClassesWatched() {
      Plain p1 = new Plain("a");
      Plain p2 = new Plain("b");
      Tags tags = new Tags();
      List<Object> all = new ArrayList<>(List.of(p1, new Entity("e"), p2, tags, new AuditedEntity(),
          new Money(1, "final only"), new StringBuilder(), new Date()));
      Snapshot g = walk(all);
      assertThat(g.unguardedClasses()).containsExactly(
          Plain.class, Tags.class, SnapshotTakerTestTypes.AuditedBase.class);
      assertThat(walk(new Entity("e")).unguardedClasses()).isEmpty();
      assertThat(walk(List.of("s", new Date())).unguardedClasses()).isEmpty();
      g.unguardedClasses()[0] = null;
      assertThat(g.unguardedClasses()[0]).isEqualTo(Plain.class);
    }

    @Test
    void finalOnlyObjectsAreFollowedButNotWatched() {
      Entity inside = new Entity("inside");
      Snapshot g = walk(new Money(100, inside));
      assertThat(guarded(g)).containsExactly(inside);
      assertThat(g.watchedCount()).isEqualTo(1); // inside.tags
    }

    @Test
    void transientFieldsAreNeitherFollowedNorWatched() {
      CachedHash h = new CachedHash("id");
      Snapshot g = walk(h);
      assertThat(g.needsCheck()).isFalse();
      h.hashCode();
      assertThat(g.check()).isNull();
    }

    @Test
    void primitiveArraysAndDatesAreWatched() {
      Holder h = new Holder();
      h.scores = new int[] {1, 2};
      h.date = new Date();
      h.stamp = new Timestamp(0);
      h.calendar = Calendar.getInstance();
      Snapshot g = walk(h);
      // holder fields + scores + date + stamp + calendar
      assertThat(g.watchedCount()).isEqualTo(5);
    }
  }

  @Nested
  class NeverCallsApplicationCode {
    @Test
    void noEqualsHashCodeToStringOrGetters() {
      Trap trap = new Trap();
      trap.child = new Trap();
      Map<String, Object> map = new HashMap<>();
      map.put("t", trap);
      Plain root = new Plain("root");
      root.ref = new Object[] {trap, List.of(trap), map, Optional.of(trap.child)};
      int before = Trap.CALLS.get();

      Snapshot g = walk(trap);
      Snapshot g2 = walk(root);
      trap.name = "changed";

      assertThat(g.check()).isEqualTo("Trap.name");
      assertThat(g2.check()).isEqualTo("Plain.ref[0].name");
      assertThat(Trap.CALLS.get()).isEqualTo(before);
    }

    @Test
    void hashedKeysAreNotAskedForHashCodeOrEquals() {
      Map<CountingKey, Object> map = new HashMap<>();
      Set<CountingKey> set = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        map.put(new CountingKey(i), "v" + i);
        set.add(new CountingKey(i));
      }
      Map<CountingKey, Object> tree = new TreeMap<>((a, b) -> Integer.compare(a.id, b.id));
      tree.put(new CountingKey(1), "one");
      int before = CountingKey.CALLS.get();

      Snapshot g = walk(List.of(map, set, tree));
      assertThat(g.check()).isNull();

      assertThat(CountingKey.CALLS.get()).isEqualTo(before);
    }

    @Test
    void customCollectionIsWalkedByFieldsNotIterated() {
      Entity e = new Entity("e");
      LazyCollection lazy = new LazyCollection(e);
      int before = LazyCollection.CALLS.get();

      Snapshot g = walk(lazy);
      lazy.loaded[0] = new Entity("other");

      assertThat(guarded(g)).containsExactly(e);
      assertThat(g.check()).isEqualTo("LazyCollection.loaded[0]");
      assertThat(LazyCollection.CALLS.get()).isEqualTo(before);
    }

    @Test
    void jdkWrapperAroundApplicationCollectionIsNotIterated() {
      LazyCollection lazy = new LazyCollection(new Entity("e"));
      int before = LazyCollection.CALLS.get();

      Snapshot g = SnapshotTaker.take(List.of(Collections.unmodifiableCollection(lazy),
          Collections.synchronizedCollection(lazy)), CAP);

      assertThat(g).isNotNull();
      assertThat(g.check()).isNull();
      assertThat(LazyCollection.CALLS.get()).isEqualTo(before);
    }

    @Test
    void applicationSubclassOfJdkListIsIteratedOnlyWhenItDoesNotOverrideIteration() {
      Entity inTags = new Entity("inTags");
      Tags tags = new Tags();
      tags.add(inTags);
      LazyTags lazy = new LazyTags();
      lazy.add(new Entity("inLazy"));
      int before = LazyTags.CALLS.get();

      Snapshot g = walk(new ArrayList<>(List.of(tags, lazy)));

      assertThat(guarded(g)).containsExactly(inTags);
      assertThat(LazyTags.CALLS.get()).isEqualTo(before);
      tags.add("more");
      assertThat(g.check()).isEqualTo("ArrayList[0] (size 1 -> 2)");
      tags.remove("more");
      tags.label = "renamed";
      assertThat(g.check()).isEqualTo("ArrayList[0].label");
    }
  }

  @Nested
  class Deep {
    @Test
    void chainOfOneHundredThousandObjects() {
      Node head = new Node();
      Node n = head;
      for (int i = 1; i < 100_000; i++) {
        n.next = new Node();
        n = n.next;
      }
      Snapshot g = SnapshotTaker.take(head, 100_000);

      assertThat(g).isNotNull();
      assertThat(g.watchedCount()).isEqualTo(100_000);
      assertThat(g.check()).isNull();
      head.next.next.value = 42;
      assertThat(g.check()).isEqualTo("Node.next.next.value");
      assertThat(SnapshotTaker.take(head, 99_999)).isNull();
    }
  }

  @Nested
  class Check {
    private final Entity a = new Entity("a");
    private final Entity b = new Entity("b");
    private final Entity c = new Entity("c");

    @Test
    void unchangedAfterEqualsHashCodeToStringAndIteration() {
      Plain plain = new Plain("plain", new Date(1000));
      Holder h = new Holder();
      h.items = new Object[] {a, "x"};
      h.scores = new int[] {3, 1, 2};
      h.date = new Date(5000);
      h.stamp = new Timestamp(7000);
      h.calendar = Calendar.getInstance();
      h.plain = plain;
      h.opt = Optional.of(new CachedHash("h"));
      List<Object> all = new ArrayList<>(List.of(
          h, plain, new HashMap<>(Map.of("k", b)), new TreeMap<>(Map.of(1, c)),
          new HashSet<>(Set.of("p", "q")), new LinkedList<>(List.of(1, 2)),
          new LinkedHashMap<>(Map.of("z", new CachedHash("z"))), new ConcurrentHashMap<>(Map.of(1, 2)),
          new AbstractMap.SimpleEntry<>("e", a)));
      Snapshot g = walk(all);

      for (Object o : all) {
        o.equals(o);
        o.hashCode();
        o.toString();
        if (o instanceof Iterable) {
          ((Iterable<?>) o).forEach(Object::hashCode);
        }
        if (o instanceof Map) {
          ((Map<?, ?>) o).forEach((k, v) -> v.hashCode());
        }
      }
      all.hashCode();
      all.toString();
      h.date.toString();
      h.stamp.toString();
      h.calendar.get(Calendar.YEAR);
      h.calendar.toString();
      ((Optional<?>) h.opt).get().hashCode();

      assertThat(g.check()).isNull();
    }

    @Test
    void arrayListSetOfAnElement() {
      List<Object> list = new ArrayList<>(List.of(a, b, c));
      Snapshot g = walk(list);
      list.set(1, new Entity("other"));
      assertThat(g.check()).isEqualTo("ArrayList[1]");
    }

    @Test
    void addRemoveAndClear() {
      List<Object> list = new ArrayList<>(List.of(a, b, c));
      Snapshot g = walk(list);
      list.add(a);
      assertThat(g.check()).isEqualTo("ArrayList (size 3 -> 4)");
      list.remove(3);
      assertThat(g.check()).isNull();
      list.remove(b);
      assertThat(g.check()).isEqualTo("ArrayList (size 3 -> 2)");
      list.clear();
      assertThat(g.check()).isEqualTo("ArrayList (size 3 -> 0)");
    }

    @Test
    void collectionsSort() {
      List<String> list = new ArrayList<>(List.of("b", "a", "c"));
      Snapshot g = walk(list);
      Collections.sort(list);
      assertThat(g.check()).isEqualTo("ArrayList[0]");
    }

    @Test
    void hashMapPutReplacingAValue() {
      Map<String, Object> map = new HashMap<>(Map.of("a", a, "b", b));
      Snapshot g = walk(map);
      map.put("b", c);
      assertThat(g.check()).isEqualTo("HashMap[value#1 (String key)]");
    }

    @Test
    void treeMapPut() {
      Map<Integer, Object> map = new TreeMap<>(Map.of(1, a, 2, b));
      Snapshot g = walk(map);
      map.put(2, c);
      assertThat(g.check()).isEqualTo("TreeMap[value#1 (Integer key)]");
      map.put(2, b);
      assertThat(g.check()).isNull();
      map.put(3, c);
      assertThat(g.check()).isEqualTo("TreeMap (size 2 -> 3)");
      map.remove(3);
      map.remove(1);
      map.put(0, a);
      assertThat(g.check()).isEqualTo("TreeMap (key #0 replaced)");
    }

    @Test
    void hashSetAdd() {
      Set<Object> set = new HashSet<>(Set.of(a));
      Snapshot g = walk(set);
      set.add(b);
      assertThat(g.check()).isEqualTo("HashSet (size 1 -> 2)");
    }

    @Test
    void arrayElementStores() {
      Holder h = new Holder();
      h.items = new Object[] {a, b, c};
      h.scores = new int[] {1, 2, 3, 4};
      Snapshot g = walk(h);

      h.items[1] = c;
      assertThat(g.check()).isEqualTo("Holder.items[1]");
      h.items[1] = b;
      h.scores[2] = 30;
      assertThat(g.check()).isEqualTo("Holder.scores[2]");
      h.scores[2] = 3;
      assertThat(g.check()).isNull();
    }

    @Test
    void arraycopyAndFill() {
      Holder h = new Holder();
      h.items = new Object[] {a, b, c};
      h.scores = new int[] {1, 2, 3, 4};
      Snapshot g = walk(h);

      System.arraycopy(new int[] {9, 9}, 0, h.scores, 1, 2);
      assertThat(g.check()).isEqualTo("Holder.scores[1]");
      System.arraycopy(new int[] {2, 3}, 0, h.scores, 1, 2);
      System.arraycopy(h.items, 0, h.items, 1, 2);
      assertThat(g.check()).isEqualTo("Holder.items[1]");
      h.items = new Object[] {a, b, c};
      assertThat(g.check()).isEqualTo("Holder.items");
    }

    @Test
    void arraysFill() {
      Object[] items = {a, b, c};
      Snapshot g = walk(items);
      Arrays.fill(items, 2, 3, a);
      assertThat(g.check()).isEqualTo("Object[][2]");
    }

    @Test
    void largePrimitiveArrayIsHashed() {
      Holder h = new Holder();
      h.big = new long[ClassInfo.ARRAY_COPY_LIMIT + 1];
      Snapshot g = walk(h);
      h.big[4000] = 1;
      assertThat(g.check()).isEqualTo("Holder.big (contents changed)");
    }

    @Test
    void dateSetTimeTimestampSetNanosAndCalendar() {
      Holder h = new Holder();
      h.date = new Date(1000);
      Timestamp stamp = new Timestamp(2000);
      stamp.setNanos(5);
      h.stamp = stamp;
      h.calendar = Calendar.getInstance();
      Snapshot g = walk(h);

      h.date.setTime(1001);
      assertThat(g.check()).isEqualTo("Holder.date");
      h.date.setTime(1000);
      stamp.setNanos(6);
      assertThat(g.check()).isEqualTo("Holder.stamp");
      stamp.setNanos(5);
      h.calendar.add(Calendar.DAY_OF_MONTH, 1);
      assertThat(g.check()).isEqualTo("Holder.calendar");
    }

    @Test
    void fieldWriteOnPlainObject() {
      Plain p = new Plain("p");
      Holder h = new Holder();
      h.plain = p;
      h.opt = Optional.of(new Plain("inOptional"));
      Snapshot g = walk(h);

      p.count = 7;
      assertThat(g.check()).isEqualTo("Holder.plain.count");
      p.count = 0;
      p.name = "q";
      assertThat(g.check()).isEqualTo("Holder.plain.name");
      p.name = "p";
      ((Plain) ((Optional<?>) h.opt).get()).ratio = 0.5;
      assertThat(g.check()).isEqualTo("Holder.opt.ratio");
    }

    @Test
    void nestedListInsideGuardedInsideList() {
      b.tags.add("t");
      List<Object> list = new ArrayList<>(List.of(a, b));
      Snapshot g = walk(list);
      b.tags.set(0, "u");
      assertThat(g.check()).isEqualTo("ArrayList[1].tags[0]");
    }

    @Test
    void fieldWriteOnGuardedIsLeftToBarriers() {
      List<Object> list = new ArrayList<>(List.of(a));
      Snapshot g = walk(list);
      a.name = "renamed";
      a.child = b;
      assertThat(g.check()).isNull();
    }

    @Test
    void fieldWriteInPlainSuperclassOfGuarded() {
      AuditedEntity e = new AuditedEntity();
      Snapshot g = walk(e);
      e.name = "covered by barriers";
      assertThat(g.check()).isNull();
      e.audit = "changed";
      assertThat(g.check()).isEqualTo("AuditedEntity.audit");
    }

    @Test
    void mapKeysAndValuesAreWatchedInside() {
      Plain key = new Plain("key");
      Plain value = new Plain("value");
      Map<Object, Object> byObject = new LinkedHashMap<>();
      byObject.put(key, "v");
      byObject.put("x", value);
      Snapshot g = walk(byObject);

      key.name = "mutated";
      assertThat(g.check()).isEqualTo("LinkedHashMap[key#0].name");
      key.name = "key";
      value.count = 1;
      assertThat(g.check()).isEqualTo("LinkedHashMap[value#1 (String key)].count");
    }

    @Test
    void mapEntrySetValue() {
      Map.Entry<String, Object> e = new AbstractMap.SimpleEntry<>("k", a);
      Snapshot g = walk(e);
      e.setValue(b);
      assertThat(g.check()).isEqualTo("SimpleEntry.value");
    }

    @Test
    void stringBuilderAndStringBuffer() {
      StringBuilder sb = new StringBuilder("abc");
      StringBuffer buf = new StringBuffer("xyz");
      Holder h = new Holder();
      h.items = new Object[] {sb, buf};
      Snapshot g = walk(h);
      sb.append('d');
      assertThat(g.check()).isEqualTo("Holder.items[0] (length 3 -> 4)");
      sb.setLength(3);
      assertThat(g.check()).isNull();
      sb.setCharAt(1, 'B');
      assertThat(g.check()).isEqualTo("Holder.items[0][1]");
      sb.setCharAt(1, 'b');
      buf.reverse();
      assertThat(g.check()).isEqualTo("Holder.items[1][0]");
    }

    @Test
    void atomicsAndAdders() {
      AtomicInteger i = new AtomicInteger(1);
      java.util.concurrent.atomic.AtomicLong l = new java.util.concurrent.atomic.AtomicLong(2);
      AtomicBoolean b = new AtomicBoolean();
      java.util.concurrent.atomic.LongAdder adder = new java.util.concurrent.atomic.LongAdder();
      java.util.concurrent.atomic.DoubleAdder dAdder = new java.util.concurrent.atomic.DoubleAdder();
      Object[] all = {i, l, b, adder, dAdder};
      Snapshot g = walk(all);
      i.incrementAndGet();
      assertThat(g.check()).isEqualTo("Object[][0]");
      i.decrementAndGet();
      l.set(3);
      assertThat(g.check()).isEqualTo("Object[][1]");
      l.set(2);
      b.set(true);
      assertThat(g.check()).isEqualTo("Object[][2]");
      b.set(false);
      adder.increment();
      assertThat(g.check()).isEqualTo("Object[][3]");
      adder.decrement();
      dAdder.add(0.5);
      assertThat(g.check()).isEqualTo("Object[][4]");
      dAdder.add(-0.5);
      assertThat(g.check()).isNull();
    }

    @Test
    void atomicReferencesAreWatchedAndFollowed() {
      Plain inside = new Plain("inside");
      java.util.concurrent.atomic.AtomicReference<Object> ref =
          new java.util.concurrent.atomic.AtomicReference<>(inside);
      java.util.concurrent.atomic.AtomicStampedReference<Object> stamped =
          new java.util.concurrent.atomic.AtomicStampedReference<>(a, 1);
      java.util.concurrent.atomic.AtomicMarkableReference<Object> marked =
          new java.util.concurrent.atomic.AtomicMarkableReference<>("m", false);
      Holder h = new Holder();
      h.plain = ref;
      h.opt = stamped;
      h.items = new Object[] {marked};
      Snapshot g = walk(h);
      assertThat(guarded(g)).containsExactly(a);

      inside.count = 5;
      assertThat(g.check()).isEqualTo("Holder.plain.count");
      inside.count = 0;
      ref.set(new Plain("other"));
      assertThat(g.check()).isEqualTo("Holder.plain");
      ref.set(inside);
      stamped.set(a, 2);
      assertThat(g.check()).isEqualTo("Holder.opt");
      stamped.set(a, 1);
      marked.set("m", true);
      assertThat(g.check()).isEqualTo("Holder.items[0]");
      marked.set("m", false);
      assertThat(g.check()).isNull();
    }

    @Test
    void atomicArrays() {
      java.util.concurrent.atomic.AtomicIntegerArray ints =
          new java.util.concurrent.atomic.AtomicIntegerArray(3);
      java.util.concurrent.atomic.AtomicLongArray longs =
          new java.util.concurrent.atomic.AtomicLongArray(3);
      Plain p = new Plain("p");
      java.util.concurrent.atomic.AtomicReferenceArray<Object> refs =
          new java.util.concurrent.atomic.AtomicReferenceArray<>(new Object[] {"x", p});
      Snapshot g = walk(new Object[] {ints, longs, refs});
      ints.set(2, 7);
      assertThat(g.check()).isEqualTo("Object[][0][2]");
      ints.set(2, 0);
      longs.incrementAndGet(1);
      assertThat(g.check()).isEqualTo("Object[][1][1]");
      longs.set(1, 0);
      p.name = "q";
      assertThat(g.check()).isEqualTo("Object[][2][1].name");
      p.name = "p";
      refs.set(0, "y");
      assertThat(g.check()).isEqualTo("Object[][2][0]");
    }

    @Test
    void bitSet() {
      java.util.BitSet bits = new java.util.BitSet();
      bits.set(3);
      bits.set(70);
      Holder h = new Holder();
      h.plain = bits;
      Snapshot g = walk(h);
      bits.set(5);
      assertThat(g.check()).isEqualTo("Holder.plain (bit 5)");
      bits.clear(5);
      assertThat(g.check()).isNull();
      bits.flip(3);
      assertThat(g.check()).isEqualTo("Holder.plain (bit 3)");
      bits.flip(3);
      bits.set(200);
      assertThat(g.check()).isEqualTo("Holder.plain (bit 200)");
    }

    @Test
    void calendarFieldsZoneAndRules() {
      Holder h = new Holder();
      h.calendar = new java.util.GregorianCalendar(2020, Calendar.JANUARY, 1);
      Snapshot g = walk(h);
      h.calendar.set(Calendar.YEAR, 2021);
      assertThat(g.check()).isEqualTo("Holder.calendar");
      h.calendar.set(Calendar.YEAR, 2020);
      assertThat(g.check()).isNull();
      java.util.TimeZone zone = h.calendar.getTimeZone();
      h.calendar.setTimeZone((java.util.TimeZone) zone.clone());
      assertThat(g.check()).as("an equal zone").isNull();
      h.calendar.setTimeZone(java.util.TimeZone.getTimeZone(
          zone.getID().equals("Asia/Tokyo") ? "Europe/Paris" : "Asia/Tokyo"));
      assertThat(g.check()).isEqualTo("Holder.calendar");
      h.calendar.setTimeZone(zone);
      h.calendar.setLenient(false);
      assertThat(g.check()).isEqualTo("Holder.calendar");
    }

    @Test
    void moreJdkCollectionsAndMaps() {
      java.util.ArrayDeque<Object> deque = new java.util.ArrayDeque<>(List.of(1, 2));
      java.util.PriorityQueue<Integer> queue = new java.util.PriorityQueue<>(List.of(3, 1, 2));
      java.util.EnumMap<TimeUnit, Object> enumMap = new java.util.EnumMap<>(Map.of(TimeUnit.DAYS, 1));
      java.util.IdentityHashMap<Object, Object> identity = new java.util.IdentityHashMap<>();
      identity.put(a, 1);
      java.util.concurrent.CopyOnWriteArrayList<Object> cow =
          new java.util.concurrent.CopyOnWriteArrayList<>(List.of(1));
      java.util.concurrent.ConcurrentLinkedQueue<Object> clq =
          new java.util.concurrent.ConcurrentLinkedQueue<>(List.of(1));
      ConcurrentHashMap<Object, Object> chm = new ConcurrentHashMap<>(Map.of(1, 2));
      Snapshot g = walk(new Object[] {deque, queue, enumMap, identity, cow, clq, chm});
      deque.addFirst(0);
      assertThat(g.check()).isEqualTo("Object[][0] (size 2 -> 3)");
      deque.pollFirst();
      queue.poll();
      assertThat(g.check()).isEqualTo("Object[][1] (size 3 -> 2)");
      queue.add(1);
      assertThat(g.check()).isNull();
      enumMap.put(TimeUnit.DAYS, 2);
      assertThat(g.check()).isEqualTo("Object[][2][value#0 (TimeUnit key)]");
      enumMap.put(TimeUnit.DAYS, 1);
      identity.put(b, 2);
      assertThat(g.check()).isEqualTo("Object[][3] (size 1 -> 2)");
      identity.remove(b);
      cow.set(0, 5);
      assertThat(g.check()).isEqualTo("Object[][4][0]");
      cow.set(0, 1);
      clq.add(2);
      assertThat(g.check()).isEqualTo("Object[][5] (size 1 -> 2)");
      clq.poll();
      clq.poll();
      clq.add(1);
      assertThat(g.check()).isNull();
      chm.put(1, 3);
      assertThat(g.check()).isEqualTo("Object[][6][value#0 (Integer key)]");
    }

    @Test
    void concurrentWritersMakeCheckReportNotThrow() throws Exception {
      List<Object> list = new ArrayList<>();
      Map<Integer, Object> map = new HashMap<>();
      for (int i = 0; i < 1000; i++) {
        list.add(i);
        map.put(i, i);
      }
      Snapshot g = walk(List.of(list, map));
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          list.add(i);
          list.remove(list.size() - 1);
          map.put(5000 + i % 10, i);
          map.remove(5000 + i % 10);
        }
      });
      writer.start();
      int reported = 0;
      try {
        for (int i = 0; i < 20_000; i++) {
          if (g.check() != null) {
            reported++;
          }
        }
      } finally {
        stop.set(true);
        writer.join();
      }
      assertThat(reported).isPositive();
    }

    @Test
    void doesNotAllocateWhenNothingChanged() {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Plain p = new Plain("p" + i, new Date(i));
        p.ref = new int[] {i};
        list.add(p);
      }
      Holder h = new Holder();
      h.items = new Object[] {new HashMap<>(Map.of("a", a)), new TreeMap<>(Map.of(1, b))};
      h.stamp = new Timestamp(1);
      h.calendar = Calendar.getInstance();
      h.plain = new Object[] {new StringBuilder("sb"), new StringBuffer("buf"), new AtomicInteger(1),
          new java.util.concurrent.atomic.AtomicReference<>("r"), new java.util.BitSet(),
          new java.util.concurrent.atomic.AtomicLongArray(4),
          new java.util.concurrent.atomic.AtomicReferenceArray<>(4),
          new java.util.concurrent.atomic.LongAdder()};
      ((java.util.BitSet) ((Object[]) h.plain)[4]).set(77);
      list.add(h);
      Snapshot g = walk(list);
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      for (int i = 0; i < 20_000; i++) {
        g.check();
      }

      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 10_000; i++) {
        g.check();
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;

      assertThat(allocated).isLessThan(10_000);
    }
  }
}
