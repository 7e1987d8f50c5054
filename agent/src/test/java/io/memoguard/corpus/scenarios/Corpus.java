package io.memoguard.corpus.scenarios;

import io.memoguard.corpus.domain.Borrower;
import io.memoguard.corpus.domain.Catalog;
import io.memoguard.corpus.domain.Product;
import io.memoguard.corpus.plain.Note;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The mutation corpus: application code, loaded through the barrier transformer like any class of
 * the host. A method without parameters builds a value to memoize; a method taking the value writes
 * to it. A write that a barrier must report carries a {@code // @name} marker on its line, from
 * which the test computes the expected source line.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Corpus {
  private Corpus() {}

  // ---- values

  public static Object product() {
    Product p = new Product("loan");
    p.tags.add("fixed");
    return p;
  }

  public static Object borrower() {
    return new Borrower();
  }

  public static Object catalog() {
    return new Catalog();
  }

  public static Object list() {
    return new ArrayList<>(List.of("b", "a", "c"));
  }

  public static Object optionalList() {
    return Optional.of(new ArrayList<>(List.of("b", "a")));
  }

  public static Object note() {
    Note n = new Note("plain");
    return n;
  }

  /** value → list → guarded → map → list → element. */
  public static Object deepChain() {
    Product p = new Product("deep");
    p.extras.put("k", new ArrayList<>(List.of("e0", "e1")));
    return new ArrayList<>(List.of(p));
  }

  /** Two guarded products pointing at each other. */
  public static Object guardedCycle() {
    Product a = new Product("a");
    Product b = new Product("b");
    a.ref = b;
    b.ref = a;
    return a;
  }

  /** Two plain notes pointing at each other. */
  public static Object plainCycle() {
    Note a = new Note("a");
    Note b = new Note("b");
    a.next = b;
    b.next = a;
    return a;
  }

  // ---- field writes: caught by the write barrier, at the write

  public static void setter(Object v) {
    ((Product) v).setName("renamed");
  }

  public static void publicField(Object v) {
    ((Product) v).label = "public"; // @publicField
  }

  public static void inherited(Object v) {
    ((Borrower) v).moveTo("Nantes");
  }

  public static void lambda(Object v) {
    Consumer<Product> relabel = p -> p.label = "from lambda"; // @lambda
    relabel.accept((Product) v);
  }

  public static void anonymousInner(Object v) {
    Product p = (Product) v;
    new Runnable() {
      @Override
      public void run() {
        p.label = "from anonymous class"; // @anonymousInner
      }
    }.run();
  }

  public static void anonymousInnerInGuardedClass(Object v) {
    ((Product) v).renameInAnonymous("anonymous");
  }

  public static void memberInner(Object v) {
    Product p = (Product) v;
    p.new Editor().rename("edited");
  }

  public static void longField(Object v) {
    ((Product) v).amountCents = 99L; // @longField
  }

  public static void doubleField(Object v) {
    ((Product) v).rate = 1.5; // @doubleField
  }

  public static void booleanField(Object v) {
    ((Product) v).active = true; // @booleanField
  }

  public static void compoundAssignment(Object v) {
    ((Product) v).amountCents += 5; // @compoundAssignment
  }

  public static void increment(Object v) {
    ((Product) v).version++; // @increment
  }

  public static void referenceField(Object v) {
    ((Product) v).tags = new ArrayList<>(); // @referenceField
  }

  public static void guardedCycleWrite(Object v) {
    ((Product) ((Product) v).ref).setName("b2");
  }

  // ---- JDK collections, maps, arrays and values: caught by the snapshot, at the next read

  public static void arrayListAdd(Object v) {
    ((Catalog) v).list.add("d");
  }

  public static void arrayListAddAtIndex(Object v) {
    ((Catalog) v).list.add(0, "z");
  }

  public static void arrayListRemove(Object v) {
    ((Catalog) v).list.remove(2);
  }

  public static void arrayListSet(Object v) {
    ((Catalog) v).list.set(1, "A"); // keeps modCount: found by the elements themselves
  }

  public static void arrayListClear(Object v) {
    ((Catalog) v).list.clear();
  }

  public static void listSort(Object v) {
    ((Catalog) v).list.sort(null);
  }

  public static void collectionsSort(Object v) {
    Collections.sort(((Catalog) v).list);
  }

  public static void collectionsReverse(Object v) {
    Collections.reverse(((Catalog) v).list);
  }

  public static void collectionsShuffle(Object v) {
    Collections.shuffle(((Catalog) v).list, new Random(SHUFFLE_SEED));
  }

  /** Random(42) moves the first element of [b, a, c]. */
  public static final long SHUFFLE_SEED = 42;

  public static void collectionsSwap(Object v) {
    Collections.swap(((Catalog) v).list, 0, 2);
  }

  public static void iteratorRemove(Object v) {
    Iterator<String> it = ((Catalog) v).list.iterator();
    it.next();
    it.remove();
  }

  public static void listIteratorSet(Object v) {
    ListIterator<String> it = ((Catalog) v).list.listIterator();
    it.next();
    it.set("B");
  }

  public static void subListClear(Object v) {
    ((Catalog) v).list.subList(0, 2).clear();
  }

  public static void subListSet(Object v) {
    ((Catalog) v).list.subList(1, 3).set(1, "C");
  }

  public static void removeIf(Object v) {
    ((Catalog) v).list.removeIf("a"::equals);
  }

  public static void retainAll(Object v) {
    ((Catalog) v).list.retainAll(List.of("a", "b"));
  }

  public static void listReplaceAll(Object v) {
    ((Catalog) v).list.replaceAll(String::toUpperCase);
  }

  public static void linkedListAddFirst(Object v) {
    ((Catalog) v).linked.addFirst("w");
  }

  public static void linkedListPollLast(Object v) {
    ((Catalog) v).linked.pollLast();
  }

  public static void hashMapPutNewKey(Object v) {
    ((Catalog) v).map.put("c", "C");
  }

  public static void hashMapPutReplacingValue(Object v) {
    ((Catalog) v).map.put("b", "B2");
  }

  public static void hashMapPutAll(Object v) {
    ((Catalog) v).map.putAll(Map.of("x", 1, "y", 2));
  }

  public static void hashMapRemoveKey(Object v) {
    ((Catalog) v).map.remove("a");
  }

  public static void hashMapComputeIfAbsent(Object v) {
    ((Catalog) v).map.computeIfAbsent("new", k -> new ArrayList<>());
  }

  public static void hashMapMerge(Object v) {
    ((Catalog) v).map.merge("a", "!", (old, add) -> old + "" + add);
  }

  public static void hashMapReplaceAll(Object v) {
    ((Catalog) v).map.replaceAll((k, old) -> k.equals("b") ? "b!" : old);
  }

  public static void entrySetValue(Object v) {
    for (Map.Entry<String, Object> e : ((Catalog) v).map.entrySet()) {
      if (e.getKey().equals("a")) {
        e.setValue("A2");
      }
    }
  }

  public static void keySetRemove(Object v) {
    ((Catalog) v).map.keySet().remove("b");
  }

  public static void linkedHashMapPut(Object v) {
    ((Catalog) v).linkedMap.put("second", 22);
  }

  public static void treeMapPut(Object v) {
    ((Catalog) v).treeMap.put(2, "deux");
  }

  public static void treeMapPollFirst(Object v) {
    ((Catalog) v).treeMap.pollFirstEntry();
  }

  public static void hashSetAdd(Object v) {
    ((Catalog) v).set.add("u");
  }

  public static void hashSetRemove(Object v) {
    ((Catalog) v).set.remove("s");
  }

  public static void treeSetAdd(Object v) {
    ((Catalog) v).treeSet.add("a");
  }

  public static void treeSetPollFirst(Object v) {
    ((Catalog) v).treeSet.pollFirst();
  }

  public static void arrayDequeAddFirst(Object v) {
    ((Catalog) v).deque.addFirst("d0");
  }

  public static void arrayDequePollLast(Object v) {
    ((Catalog) v).deque.pollLast();
  }

  public static void priorityQueueAdd(Object v) {
    ((Catalog) v).queue.add(0);
  }

  public static void enumMapPut(Object v) {
    ((Catalog) v).enumMap.put(TimeUnit.DAYS, "day");
  }

  public static void identityHashMapPut(Object v) {
    ((Catalog) v).identityMap.put(new Object(), "other");
  }

  public static void concurrentHashMapPut(Object v) {
    ((Catalog) v).concurrentMap.put("k", 2);
  }

  public static void copyOnWriteArrayListAdd(Object v) {
    ((Catalog) v).copyOnWrite.add("w2");
  }

  public static void concurrentLinkedQueuePoll(Object v) {
    ((Catalog) v).concurrentQueue.poll();
  }

  public static void objectArrayStore(Object v) {
    ((Catalog) v).objects[1] = "O1";
  }

  public static void intArrayStore(Object v) {
    ((Catalog) v).ints[2] = 20;
  }

  public static void longArrayStore(Object v) {
    ((Catalog) v).longs[1] = 22L;
  }

  public static void doubleArrayStore(Object v) {
    ((Catalog) v).doubles[0] = -1.0;
  }

  public static void byteArrayStore(Object v) {
    ((Catalog) v).bytes[1] = 9;
  }

  public static void charArrayStore(Object v) {
    ((Catalog) v).chars[0] = 'z';
  }

  public static void arraysFill(Object v) {
    Arrays.fill(((Catalog) v).ints, 7);
  }

  public static void systemArraycopyInto(Object v) {
    System.arraycopy(new int[] {9, 9}, 0, ((Catalog) v).ints, 1, 2);
  }

  public static void arraysSort(Object v) {
    Arrays.sort(((Catalog) v).ints);
  }

  public static void dateSetTime(Object v) {
    ((Catalog) v).date.setTime(5L);
  }

  public static void timestampSetNanos(Object v) {
    ((Catalog) v).stamp.setNanos(123);
  }

  public static void calendarSet(Object v) {
    ((Catalog) v).calendar.set(java.util.Calendar.YEAR, 2030);
  }

  public static void stringBuilderAppend(Object v) {
    ((Catalog) v).text.append('d');
  }

  public static void stringBuilderSetCharAt(Object v) {
    ((Catalog) v).text.setCharAt(1, 'B');
  }

  public static void atomicIntegerIncrement(Object v) {
    ((Catalog) v).counter.incrementAndGet();
  }

  public static void atomicReferenceSet(Object v) {
    ((Catalog) v).current.set("second");
  }

  public static void bitSetSet(Object v) {
    ((Catalog) v).flags.set(5);
  }

  public static void unguardedObjectField(Object v) {
    ((Catalog) v).note.text = "edited";
  }

  public static void unguardedRootField(Object v) {
    ((Note) v).stars = 5;
  }

  public static void optionalContainingList(Object v) {
    ((Optional<List<String>>) v).get().add("c");
  }

  public static void topLevelCollection(Object v) {
    ((List<String>) v).set(0, "B");
  }

  public static void collectionInGuardedField(Object v) {
    ((Product) v).tags.add("variable");
  }

  public static void deepChainElement(Object v) {
    ((List<Product>) v).get(0).extras.get("k").set(1, "E1");
  }

  public static void plainCycleWrite(Object v) {
    ((Note) v).next.text = "b2";
  }
}
