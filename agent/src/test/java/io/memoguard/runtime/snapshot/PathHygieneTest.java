package io.memoguard.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Node;
import io.memoguard.runtime.snapshot.SnapshotTakerTestTypes.Plain;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Paths in mutation and verify lines name positions, never values: a map position is the entry's
 * place and its key's class. A deep path keeps its two ends, so a line stays short and still names
 * the field that changed.
 */
class PathHygieneTest {
  private static final int CAP = 1_000_000;

  private static Snapshot walk(Object root) {
    Snapshot g = SnapshotTaker.take(root, CAP);
    assertThat(g).isNotNull();
    assertThat(g.check()).isNull();
    return g;
  }

  /** Keys of every type the old code printed, including the ones a secret hides in. */
  private static List<Object> keys() {
    return List.of("SECRET-C1", 4242, 77L, 'S', true, UUID.fromString(
        "5ec2e700-0000-0000-0000-000000000001"), Thread.State.BLOCKED, LocalDate.of(1999, 1, 2));
  }

  @Test
  void aChangeInAMapValueNamesThePositionAndTheKeyClassNeverTheKey() {
    for (Object key : keys()) {
      Plain value = new Plain("v");
      Map<Object, Object> map = new HashMap<>();
      map.put(key, value);
      Snapshot g = walk(map);

      value.count = 9;

      String path = g.check();
      assertThat(path).isEqualTo("HashMap[value#0 (" + key.getClass().getSimpleName()
          + " key)].count");
      assertThat(path).doesNotContain(String.valueOf(key));
    }
  }

  @Test
  void aReplacedMapValueDoesNotPrintItsKey() {
    Map<String, String> map = new TreeMap<>(Map.of("SECRET-A", "x", "SECRET-B", "y"));
    Snapshot g = walk(map);
    map.put("SECRET-B", "z");
    assertThat(g.check()).isEqualTo("TreeMap[value#1 (String key)]").doesNotContain("SECRET");
  }

  @Test
  void verifyDifferencesDoNotPrintMapKeys() {
    for (Object key : keys()) {
      Map<Object, Plain> memoized = new LinkedHashMap<>(Map.of(key, new Plain("old")));
      Map<Object, Plain> fresh = new LinkedHashMap<>(Map.of(key, new Plain("new")));
      Map<Object, Plain> unordered = new HashMap<>(Map.of(key, new Plain("new")));
      String ordered = StructuralDiff.firstDifference(memoized, fresh, CAP);
      String matched = StructuralDiff.firstDifference(new HashMap<>(memoized), unordered, CAP);
      String kind = key.getClass().getSimpleName();
      assertThat(ordered).isEqualTo("LinkedHashMap[value#0 (" + kind + " key)].name");
      assertThat(matched).isEqualTo("HashMap[value#0 (" + kind + " key)].name");
    }
  }

  @Test
  void aChangeAtTheEndOfAVeryLongChainIsAShortPathThatNamesTheField() {
    Node head = new Node();
    Node tail = head;
    for (int i = 1; i < 100_000; i++) {
      tail.next = new Node();
      tail = tail.next;
    }
    Snapshot g = walk(head);

    tail.value = 1;

    String path = g.check();
    assertThat(path).hasSizeLessThan(200)
        .isEqualTo("Node" + ".next".repeat(8) + "[...99983 more...]" + ".next".repeat(8) + ".value");
  }

  @Test
  void aVerifyDifferenceDeepInALongChainIsShortToo() {
    Node a = chain(5_000);
    Node b = chain(5_000);
    Node last = b;
    while (last.next != null) {
      last = last.next;
    }
    last.value = 7;

    String path = StructuralDiff.firstDifference(a, b, CAP);

    assertThat(path).hasSizeLessThan(200).startsWith("Node.next.next").endsWith(".next.value")
        .contains("more...]");
  }

  @Test
  void shortPathsAreNotElided() {
    Node a = chain(10);
    Node b = chain(10);
    b.next.next.value = 3;
    assertThat(StructuralDiff.firstDifference(a, b, CAP)).isEqualTo("Node.next.next.value");
  }

  private static Node chain(int n) {
    Node head = new Node();
    Node tail = head;
    for (int i = 1; i < n; i++) {
      tail.next = new Node();
      tail = tail.next;
    }
    return head;
  }
}
