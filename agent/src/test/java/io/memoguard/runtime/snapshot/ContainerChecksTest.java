package io.memoguard.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The backing-storage fast path of {@link Snapshot#check()} for ArrayList, HashMap and HashSet:
 * it is taken for unchanged containers, and every mutation kind of docs/MUTATIONS.md that keeps
 * the size (element replaced in place, sort, set to an equal object, value replaced, key replaced
 * by an equal one, removal and re-insertion elsewhere) is still found and named.
 */
class ContainerChecksTest {
  static final class Item {
    final String name;

    Item(String name) {
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item && ((Item) o).name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  static final class Holder {
    final Object held;

    Holder(Object held) {
      this.held = held;
    }
  }

  @Test
  void theFastPathReadsTheJdkContainers() {
    // the build opens java.util to the tests as the agent opens it to the runtime
    assertThat(ContainerChecks.available()).isTrue();
  }

  @Test
  void unchangedContainersAreProvenUnchangedByTheFastPath() {
    List<Item> list = items(5);
    Map<Item, Item> map = map(40); // several bins, some chained
    Set<Item> set = new HashSet<>(items(40));
    for (Object container : List.of(list, map, set, new ArrayList<>(), new HashMap<>())) {
      Snapshot snapshot = SnapshotTaker.take(new Holder(container), 10_000);
      assertThat(snapshot.check()).isNull();
      assertThat(fastPathProves(container)).as(container.getClass().getName()).isTrue();
    }
  }

  @Test
  void listMutationsOfTheSameSizeAreFound() {
    assertChanged(items(5), l -> l.set(2, new Item("i2")), ".held[2]"); // equal, other instance
    assertChanged(items(5), l -> l.set(0, l.get(0) == null ? null : new Item("x")), ".held[0]");
    assertChanged(items(5), l -> Collections.reverse(l), ".held[0]");
    assertChanged(items(5), l -> l.sort((a, b) -> b.name.compareTo(a.name)), ".held[0]");
    assertChanged(items(5), l -> l.add(l.remove(0)), ".held[0]");
    assertChanged(items(5), l -> l.add(new Item("more")), ".held (size 5 -> 6)");
    assertChanged(items(5), l -> l.remove(4), ".held (size 5 -> 4)");
    assertChanged(items(5), List::clear, ".held (size 5 -> 0)");
  }

  @Test
  void mapMutationsOfTheSameSizeAreFound() {
    assertChanged(map(40), m -> m.put(new Item("i7"), new Item("v")), ".held[");
    assertChanged(map(40), m -> m.replaceAll((k, v) -> v), null); // same values: unchanged
    assertChanged(map(40), m -> {
      Item v = m.remove(new Item("i3"));
      m.put(new Item("i3"), v); // an equal key, another instance
    }, ".held (key #");
    assertChanged(map(40), m -> m.put(new Item("new"), new Item("v")), ".held (size 40 -> 41)");
    assertChanged(map(40), m -> m.remove(new Item("i3")), ".held (size 40 -> 39)");
  }

  /**
   * A map's structure unchanged (same nodes, same table, no structural modification), so the
   * check trusts its keys and compares only the values: each way of replacing a value in place.
   */
  @Test
  void valuesReplacedWithoutAStructuralChangeAreFound() {
    assertChanged(map(40), m -> m.entrySet().iterator().next().setValue(new Item("v")), ".held[");
    assertChanged(map(40), m -> m.replace(new Item("i9"), new Item("v9")), ".held[");
    assertChanged(map(40), m -> m.compute(new Item("i9"), (k, v) -> new Item("x")), ".held[");
    assertChanged(map(40), m -> m.merge(new Item("i9"), new Item("x"), (a, b) -> b), ".held[");
    assertChanged(map(40), m -> m.replaceAll((k, v) -> new Item(v.name)), ".held[");
    assertChanged(map(40), m -> m.put(new Item("i39"), null), ".held[");
    // structural changes that leave the size and even the content as it was
    assertChanged(map(40), m -> {
      Item k = m.keySet().iterator().next();
      m.put(k, m.remove(k)); // the same key and value, re-inserted: another node, same pairs
    }, null);
    assertChanged(map(40), m -> m.computeIfAbsent(new Item("i3"), k -> new Item("never")), null);
  }

  @Test
  void aRehashedMapIsCheckedByItsContent() {
    Map<Item, Item> m = map(12);
    Snapshot snapshot = SnapshotTaker.take(new Holder(m), 10_000);
    for (int i = 0; i < 100; i++) {
      m.put(new Item("tmp" + i), null);
    }
    for (int i = 0; i < 100; i++) {
      m.remove(new Item("tmp" + i));
    }
    // a new table, in which the same pairs may sit in another order: the generic check decides
    String changed = snapshot.check();
    assertThat(changed == null || changed.startsWith("Holder.held")).isTrue();
    m.put(new Item("i1"), new Item("other"));
    assertThat(snapshot.check()).startsWith("Holder.held");
  }

  @Test
  void setMutationsOfTheSameSizeAreFound() {
    assertChanged(new HashSet<>(items(40)), s -> {
      s.remove(new Item("i5"));
      s.add(new Item("i5"));
    }, ".held[");
    assertChanged(new HashSet<>(items(40)), s -> s.add(new Item("i5")), null); // already there
    assertChanged(new HashSet<>(items(40)), s -> s.add(new Item("more")), ".held (size 40 -> 41)");
  }

  @Test
  void subclassesAndOtherContainersTakeTheGenericCheck() {
    List<Item> sub = new ArrayList<>(items(3)) {};
    Snapshot snapshot = SnapshotTaker.take(new Holder(sub), 10_000);
    assertThat(fastPathProves(sub)).isFalse();
    sub.set(1, new Item("i1"));
    assertThat(snapshot.check()).isEqualTo("Holder.held[1]");
  }

  /** Containers of every group side by side, and watched objects of other kinds between them. */
  static final class Mixed {
    final java.util.Date first = new java.util.Date(1);
    final List<Item> list = items(3);
    final List<Item> emptyList = new ArrayList<>();
    final Object[] array = items(2).toArray();
    final Object[] emptyArray = {};
    final Map<Item, Item> map = map(3);
    final Map<Item, Item> emptyMap = new HashMap<>();
    final Set<Item> set = new HashSet<>(items(3));
    final Set<Item> emptySet = new HashSet<>();
    final java.util.Date last = new java.util.Date(2);
  }

  @Test
  void eachContainerOfAMixedValueIsCheckedAndNamed() {
    List<Consumer<Mixed>> mutations = List.of(
        m -> m.list.set(1, new Item("i1")),
        m -> m.emptyList.add(new Item("x")),
        m -> m.array[1] = new Item("i1"),
        m -> m.emptyMap.put(new Item("k"), new Item("v")),
        m -> m.map.put(new Item("i1"), new Item("v1")),
        m -> m.set.add(new Item("more")),
        m -> m.emptySet.add(new Item("x")),
        m -> m.last.setTime(3));
    List<String> expected = List.of("Mixed.list[1]", "Mixed.emptyList (size 0 -> 1)",
        "Mixed.array[1]", "Mixed.emptyMap (size 0 -> 1)", "Mixed.map[value#", "Mixed.set (size 3 -> 4)",
        "Mixed.emptySet (size 0 -> 1)", "Mixed.last");
    for (int i = 0; i < mutations.size(); i++) {
      Mixed value = new Mixed();
      Snapshot snapshot = SnapshotTaker.take(value, 10_000);
      // all but the zero-length array, which nothing can change
      assertThat(snapshot.watchedCount()).isEqualTo(9);
      assertThat(snapshot.check()).isNull();
      mutations.get(i).accept(value);
      assertThat(snapshot.check()).as(expected.get(i)).startsWith(expected.get(i));
    }
  }

  @Test
  void aZeroLengthArrayIsNotCheckedAtAHitButAnArrayOfNullsIs() {
    Snapshot empty = SnapshotTaker.take(new Holder(new Object[0]), 10_000);
    assertThat(empty.watchedCount()).isZero();
    assertThat(empty.needsCheck()).isFalse();

    Object[] nulls = new Object[2];
    Snapshot held = SnapshotTaker.take(new Holder(nulls), 10_000);
    assertThat(held.watchedCount()).isEqualTo(1);
    assertThat(held.check()).isNull();
    nulls[1] = new Item("x");
    assertThat(held.check()).isEqualTo("Holder.held[1]");
  }

  @Test
  void theFirstChangeInTheValueIsNamedWhateverItsKind() {
    Mixed value = new Mixed();
    Snapshot snapshot = SnapshotTaker.take(value, 10_000);
    value.last.setTime(3);
    value.set.clear();
    value.array[0] = null;
    assertThat(snapshot.check()).isEqualTo("Mixed.array[0]");
    value.first.setTime(5);
    assertThat(snapshot.check()).isEqualTo("Mixed.first");
    value.first.setTime(1);
    value.array[0] = value.list.get(0); // not what it held
    value.list.clear();
    assertThat(snapshot.check()).isEqualTo("Mixed.list (size 3 -> 0)");
  }

  private static boolean fastPathProves(Object container) {
    Snapshot snapshot = SnapshotTaker.take(container, 10_000);
    Object[] refs;
    boolean map = container instanceof Map;
    if (map) {
      List<Object> pairs = new ArrayList<>();
      ((Map<?, ?>) container).forEach((k, v) -> {
        pairs.add(k);
        pairs.add(v);
      });
      refs = pairs.toArray();
    } else {
      refs = new ArrayList<>((java.util.Collection<?>) container).toArray();
    }
    return snapshot != null && ContainerChecks.unchanged(container, map, refs, 0, refs.length);
  }

  @SuppressWarnings("unchecked")
  private static <T> void assertChanged(T container, Consumer<T> mutation, String expected) {
    Snapshot snapshot = SnapshotTaker.take(new Holder(container), 10_000);
    assertThat(snapshot.check()).isNull();
    mutation.accept(container);
    String changed = snapshot.check();
    if (expected == null) {
      assertThat(changed).isNull();
    } else {
      assertThat(changed).startsWith("Holder" + expected);
    }
  }

  private static List<Item> items(int n) {
    List<Item> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new Item("i" + i));
    }
    return list;
  }

  private static Map<Item, Item> map(int n) {
    Map<Item, Item> map = new HashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(new Item("i" + i), new Item("v" + i));
    }
    return map;
  }
}
