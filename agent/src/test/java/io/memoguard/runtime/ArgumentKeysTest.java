package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A key keeps every difference the method can observe in its arguments (iteration order, concrete
 * class, comparator, array class), and building or comparing keys never runs application code.
 * Wrappers and views are read through their fields when java.util is open to the runtime (the agent
 * opens it); without that access they pass through, never iterated.
 */
class ArgumentKeysTest {
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static volatile boolean armed;

  @AfterEach
  void disarm() {
    armed = false;
  }

  private static Object[] key(Object... args) {
    return ArgumentKeys.normalizeArguments(args.clone());
  }

  /** Both calls memoizable with equal keys: the second one would be served the first result. */
  private static boolean sameKey(Object a, Object b) {
    Object[] x = key(a);
    Object[] y = key(b);
    return x != ArgumentKeys.NOT_MEMOIZABLE && y != ArgumentKeys.NOT_MEMOIZABLE
        && Arrays.hashCode(x) == Arrays.hashCode(y) && Arrays.equals(x, y);
  }

  private static <K, V> LinkedHashMap<K, V> linked(K k1, V v1, K k2, V v2) {
    LinkedHashMap<K, V> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  @Test
  void iterationOrderOfALinkedHashMapIsPartOfTheKey() {
    assertThat(sameKey(linked("a", 1, "b", 2), linked("b", 2, "a", 1))).isFalse();
  }

  @Test
  void iterationOrderOfAHashMapIsPartOfTheKey() {
    // "Aa" and "BB" share a hash code: insertion order decides iteration order
    Map<String, Integer> first = new HashMap<>();
    first.put("Aa", 1);
    first.put("BB", 2);
    Map<String, Integer> second = new HashMap<>();
    second.put("BB", 2);
    second.put("Aa", 1);
    assertThat(new ArrayList<>(first.keySet())).isNotEqualTo(new ArrayList<>(second.keySet()));
    assertThat(sameKey(first, second)).isFalse();
    assertThat(sameKey(first, new HashMap<>(first))).isTrue();
    Set<String> s1 = new HashSet<>(List.of("Aa"));
    s1.add("BB");
    Set<String> s2 = new HashSet<>(List.of("BB"));
    s2.add("Aa");
    assertThat(sameKey(s1, s2)).isFalse();
  }

  @Test
  void theComparatorOfASortedMapIsPartOfTheKeyByIdentity() {
    Comparator<String> natural = Comparator.naturalOrder();
    Comparator<String> lambda = (a, b) -> a.compareTo(b);
    TreeMap<String, Integer> one = new TreeMap<>(natural);
    one.put("a", 1);
    TreeMap<String, Integer> other = new TreeMap<>(lambda);
    other.put("a", 1);
    TreeMap<String, Integer> plain = new TreeMap<>(Map.of("a", 1));
    assertThat(sameKey(one, other)).isFalse();
    assertThat(sameKey(one, plain)).isFalse();
    TreeMap<String, Integer> again = new TreeMap<>(natural);
    again.put("a", 1);
    assertThat(sameKey(one, again)).isTrue();
    PriorityQueue<String> q1 = new PriorityQueue<>(natural);
    q1.add("a");
    PriorityQueue<String> q2 = new PriorityQueue<>(lambda);
    q2.add("a");
    assertThat(sameKey(q1, q2)).isFalse();
    TreeSet<String> t1 = new TreeSet<>(natural);
    t1.add("a");
    TreeSet<String> t2 = new TreeSet<>(lambda);
    t2.add("a");
    assertThat(sameKey(t1, t2)).isFalse();
  }

  @Test
  void theConcreteClassIsPartOfTheKey() {
    assertThat(sameKey(new ArrayList<>(List.of(1, 2)), new LinkedList<>(List.of(1, 2)))).isFalse();
    assertThat(sameKey(new ArrayList<>(List.of(1, 2)), List.of(1, 2))).isFalse();
    assertThat(sameKey(new ArrayList<>(List.of(1, 2)), new ArrayDeque<>(List.of(1, 2)))).isFalse();
    assertThat(sameKey(new HashSet<>(Set.of(1)), new LinkedHashSet<>(Set.of(1)))).isFalse();
    assertThat(sameKey(new ArrayList<>(List.of(1, 2)), new ArrayList<>(List.of(1, 2)))).isTrue();
    assertThat(sameKey(List.of(1, 2), List.of(1, 2))).isTrue();
  }

  @Test
  void theArrayClassIsPartOfTheKey() {
    assertThat(sameKey(new Integer[] {1, 2}, new Object[] {1, 2})).isFalse();
    assertThat(sameKey(new int[] {1, 2}, new long[] {1, 2})).isFalse();
    assertThat(sameKey(new Integer[] {1, 2}, new Integer[] {1, 2})).isTrue();
    assertThat(sameKey(new int[] {1, 2}, new int[] {1, 2})).isTrue();
    assertThat(sameKey(new int[] {1, 2}, new int[] {2, 1})).isFalse();
  }

  @Test
  void nestedContainersKeepTheirOrderToo() {
    List<Object> a = List.of(Map.of("k", linked("x", 1, "y", 2)), Optional.of(linked("p", 1, "q", 2)));
    List<Object> b = List.of(Map.of("k", linked("y", 2, "x", 1)), Optional.of(linked("p", 1, "q", 2)));
    List<Object> c = List.of(Map.of("k", linked("x", 1, "y", 2)), Optional.of(linked("q", 2, "p", 1)));
    assertThat(sameKey(a, b)).isFalse();
    assertThat(sameKey(a, c)).isFalse();
    assertThat(sameKey(new Object[] {new ArrayList<>(List.of(1, 2))},
        new Object[] {new ArrayList<>(List.of(2, 1))})).isFalse();
    assertThat(sameKey(List.of(new TreeMap<>(Map.of("a", 1))), List.of(new TreeMap<>(Map.of("a", 1)))))
        .isTrue();
  }

  @Test
  void aChangeToTheArgumentAfterTheCallLeavesTheKey() {
    List<Integer> list = new ArrayList<>(List.of(1, 2));
    Object[] before = key(list);
    list.add(3);
    assertThat(Arrays.equals(before, key(new ArrayList<>(List.of(1, 2))))).isTrue();
    assertThat(Arrays.equals(before, key(list))).isFalse();
  }

  @Test
  void aCollectionThatContainsItselfPassesThrough() {
    List<Object> self = new ArrayList<>();
    self.add(self);
    assertThat(key(self)).isSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(ArgumentKeys.firstUnsupportedType(new Object[] {self})).contains("nesting");
  }

  @Test
  void identityBasedAndApplicationCollectionsPassThrough() {
    assertThat(key(new java.util.IdentityHashMap<>(Map.of("a", 1)))).isSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(key(new java.util.WeakHashMap<>(Map.of("a", 1)))).isSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(key(new ArrayList<>(List.of(1)) { })).isSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(ArgumentKeys.firstUnsupportedType(new Object[] {1, new CountingList()}))
        .isEqualTo("type " + CountingList.class.getName());
  }

  /** Every way the JDK can wrap or view an application collection. */
  private static List<Supplier<Object>> wrappersOf(CountingList list, CountingMap map) {
    return List.of(
        () -> Collections.unmodifiableList(list), () -> Collections.unmodifiableCollection(list),
        () -> Collections.synchronizedList(list), () -> Collections.synchronizedCollection(list),
        () -> Collections.checkedList(list, Object.class),
        () -> Collections.checkedCollection(list, Object.class),
        () -> Collections.unmodifiableList(Collections.synchronizedList(list)),
        () -> Collections.unmodifiableMap(map), () -> Collections.synchronizedMap(map),
        () -> Collections.checkedMap(map, Object.class, Boolean.class),
        () -> Collections.unmodifiableMap(map).values(),
        () -> Collections.synchronizedMap(map).keySet(),
        () -> Collections.newSetFromMap(new CountingMap(0)),
        () -> Collections.unmodifiableSet(Collections.newSetFromMap(new CountingMap(0))),
        () -> Collections.singletonList(list), () -> Collections.nCopies(3, list),
        () -> List.of(Collections.unmodifiableList(list)), () -> Optional.of(list),
        () -> new Object[] {Collections.unmodifiableCollection(list)},
        () -> Map.of("k", Collections.unmodifiableList(list)),
        () -> new ArrayList<>(List.of(Collections.unmodifiableMap(map))),
        () -> map.keySet(), () -> map.values(), () -> list.subList(0, 1));
  }

  @Test
  void noApplicationMethodRunsWhileAKeyIsBuiltFromAWrapperOrView() {
    CountingList list = new CountingList();
    CountingMap map = new CountingMap();
    List<Object> wrapped = new ArrayList<>();
    for (Supplier<Object> wrapper : wrappersOf(list, map)) {
      wrapped.add(wrapper.get());
    }
    int before = CALLS.get();
    armed = true;
    for (Object value : wrapped) {
      assertThat(key(value)).as("%s", value.getClass()).isSameAs(ArgumentKeys.NOT_MEMOIZABLE);
      ArgumentKeys.firstUnsupportedType(new Object[] {value});
    }
    armed = false;
    assertThat(CALLS.get()).isEqualTo(before);
  }

  @Test
  void noApplicationMethodRunsForApplicationElementsKeysOrComparators() {
    Element element = new Element();
    TreeMap<Element, Integer> sortedByElement = new TreeMap<>(Map.of(element, 1));
    Comparator<String> comparator = new CountingComparator();
    TreeMap<String, Integer> sortedByApp = new TreeMap<>(comparator);
    sortedByApp.put("a", 1);
    sortedByApp.put("b", 2);
    TreeMap<String, Integer> sortedByAppToo = new TreeMap<>(comparator);
    sortedByAppToo.putAll(sortedByApp);
    Map<Element, Integer> hashed = new HashMap<>(Map.of(element, 1));
    int before = CALLS.get();
    armed = true;
    // application elements are read by their fields: keyed, and none of their methods runs
    assertThat(key(new ArrayList<>(List.of(element)))).isNotSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(key(sortedByElement)).isNotSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(key(hashed)).isNotSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(key(Optional.of(element))).isNotSameAs(ArgumentKeys.NOT_MEMOIZABLE);
    assertThat(sameKey(new ArrayList<>(List.of(element)), new ArrayList<>(List.of(new Element()))))
        .isTrue();
    Object[] a = key(sortedByApp);
    Object[] b = key(sortedByAppToo);
    assertThat(Arrays.hashCode(a)).isEqualTo(Arrays.hashCode(b));
    assertThat(Arrays.equals(a, b)).isTrue();
    armed = false;
    assertThat(CALLS.get()).isEqualTo(before);
  }

  @Test
  void wrappersOfJdkCollectionsAreKeyedByTheirContentsWhenReadable() {
    Object ab = Collections.unmodifiableList(new ArrayList<>(List.of("a", "b")));
    Object ba = Collections.unmodifiableList(new ArrayList<>(List.of("b", "a")));
    Object abAgain = Collections.unmodifiableList(new ArrayList<>(List.of("a", "b")));
    assertThat(sameKey(ab, ba)).isFalse();
    assertThat(sameKey(ab, new ArrayList<>(List.of("a", "b")))).isFalse();
    // java.util is open to the runtime under the agent: then wrappers are memoizable
    boolean readable = key(ab) != ArgumentKeys.NOT_MEMOIZABLE;
    assertThat(sameKey(ab, abAgain)).isEqualTo(readable);
    assertThat(readable).isEqualTo(ArgumentKinds.ACCESS_ORDER != null);
  }

  private static void count() {
    CALLS.incrementAndGet();
    if (armed) {
      throw new AssertionError("application code ran while a key was built");
    }
  }

  /** An application list: lazy loading, side effects; every method call is counted. */
  static final class CountingList extends AbstractList<Object> implements RandomAccess {
    @Override
    public Object get(int index) {
      count();
      return "x";
    }

    @Override
    public int size() {
      count();
      return 2;
    }

    @Override
    public java.util.Iterator<Object> iterator() {
      count();
      return super.iterator();
    }

    @Override
    public boolean equals(Object o) {
      count();
      return o == this;
    }

    @Override
    public int hashCode() {
      count();
      return 1;
    }
  }

  static final class CountingMap extends AbstractMap<Object, Boolean> {
    private final int size;

    CountingMap() {
      this(1);
    }

    CountingMap(int size) {
      this.size = size;
    }

    @Override
    public Set<Map.Entry<Object, Boolean>> entrySet() {
      count();
      return size == 0 ? Set.of() : Set.of(Map.entry("x", true));
    }

    @Override
    public Set<Object> keySet() {
      count();
      return super.keySet();
    }

    @Override
    public Collection<Boolean> values() {
      count();
      return super.values();
    }

    @Override
    public Boolean put(Object key, Boolean value) {
      count();
      return null;
    }

    @Override
    public int size() {
      count();
      return size;
    }
  }

  static final class Element implements Comparable<Element> {
    @Override
    public int compareTo(Element o) {
      count();
      return 0;
    }

    @Override
    public boolean equals(Object o) {
      count();
      return o == this;
    }

    @Override
    public int hashCode() {
      count();
      return 7;
    }
  }

  static final class CountingComparator implements Comparator<String> {
    @Override
    public int compare(String a, String b) {
      count();
      return a.compareTo(b);
    }

    @Override
    public boolean equals(Object o) {
      count();
      return o == this;
    }

    @Override
    public int hashCode() {
      count();
      return 3;
    }
  }
}
