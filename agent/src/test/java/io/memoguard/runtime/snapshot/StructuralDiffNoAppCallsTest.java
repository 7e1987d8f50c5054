package io.memoguard.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import io.memoguard.testrepo.BoobyMapRepository.Booby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verify mode compares by reading fields: equals, hashCode, compareTo and toString of application
 * classes are never called, not even for the keys of a hash map or a sorted map, and differences
 * are still found.
 */
class StructuralDiffNoAppCallsTest {
  @BeforeEach
  void reset() {
    Booby.CALLS.set(0);
    Booby.armed = false;
  }

  @AfterEach
  void noApplicationMethodRan() {
    Booby.armed = false;
    assertThat(Booby.CALLS.get()).as("application equals/hashCode/compareTo/toString calls").isZero();
  }

  private static String diff(Object a, Object b) {
    Booby.armed = true;
    try {
      return StructuralDiff.firstDifference(a, b, 10_000);
    } finally {
      Booby.armed = false;
    }
  }

  private static Map<Booby, Booby> hashMap(int n, String valueName) {
    Map<Booby, Booby> map = new HashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(new Booby(i, "k" + i), new Booby(100 + i, valueName + i));
    }
    return map;
  }

  @Test
  void equalHashMapsOfApplicationKeysAreTheSame() {
    assertThat(diff(hashMap(5, "v"), hashMap(5, "v"))).isNull();
  }

  @Test
  void aFieldChangedInsideAMapValueIsFound() {
    Map<Booby, Booby> fresh = hashMap(5, "v");
    fresh.values().iterator().next().name = "changed";
    assertThat(diff(hashMap(5, "v"), fresh)).matches("HashMap\\[value#\\d \\(Booby key\\)\\]\\.name");
  }

  @Test
  void aChangedKeyIsFound() {
    Map<Booby, Booby> fresh = hashMap(5, "v");
    fresh.keySet().iterator().next().name = "changed key";
    assertThat(diff(hashMap(5, "v"), fresh)).matches("HashMap\\[key#\\d\\] \\(no equal key in the fresh result\\)");
  }

  @Test
  void aSizeChangeIsFound() {
    assertThat(diff(hashMap(5, "v"), hashMap(4, "v"))).isEqualTo("HashMap (size 5 -> 4)");
  }

  @Test
  void sortedMapsAreComparedInOrderWithoutTheirComparator() {
    Map<Booby, String> a = new TreeMap<>(Map.of(new Booby(1, "a"), "x", new Booby(2, "b"), "y"));
    Map<Booby, String> b = new TreeMap<>(Map.of(new Booby(1, "a"), "x", new Booby(2, "b"), "y"));
    assertThat(diff(a, b)).isNull();
    Map<Booby, String> c = new TreeMap<>(Map.of(new Booby(1, "a"), "x", new Booby(2, "other"), "y"));
    assertThat(diff(a, c)).isEqualTo("TreeMap[key#1].name");
  }

  @Test
  void setsOfApplicationObjectsMatchInAnyOrderWithoutHashing() {
    Set<Booby> a = new HashSet<>();
    Set<Booby> b = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      a.add(new Booby(i, "n" + i));
      b.add(new Booby(9 - i, "n" + (9 - i)));
    }
    assertThat(diff(a, b)).isNull();
    b.iterator().next().name = "changed";
    assertThat(diff(a, b)).startsWith("HashSet[#");
  }

  @Test
  void anApplicationObjectWithItsOwnEqualsIsComparedByFields() {
    assertThat(diff(new Booby(1, "a"), new Booby(1, "a"))).isNull();
    assertThat(diff(new Booby(1, "a"), new Booby(1, "b"))).isEqualTo("Booby.name");
    assertThat(diff(new ArrayList<>(List.of(new Booby(1, "a"))), new ArrayList<>(List.of(new Booby(1, "a")))))
        .isNull();
  }

  @Test
  void aJdkWrapperTheWalkerCannotOpenIsNotComparedByItsEquals() {
    // java.util is not opened to this test (the agent opens it), so the wrapper is a leaf here:
    // its equals would call the elements' equals
    List<Booby> a = java.util.Collections.unmodifiableList(new ArrayList<>(List.of(new Booby(1, "a"))));
    List<Booby> b = java.util.Collections.unmodifiableList(new ArrayList<>(List.of(new Booby(1, "a"))));
    diff(a, b);
  }
}
