package io.memoguard.corpus.scenarios;

import io.memoguard.corpus.domain.Catalog;
import io.memoguard.corpus.domain.Product;
import io.memoguard.corpus.plain.Note;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What application code does with a memoized value without changing it. None of it may be
 * reported, and the value must still be served. Each method takes the cached {@link Catalog}
 * (with {@link Corpus#product()} inside at {@code Catalog.current}) and returns something derived
 * from it, so that nothing is optimized away.
 */
@SuppressWarnings("unchecked")
public final class NoChange {
  private NoChange() {}

  /** A catalog whose {@code current} holds a guarded product. */
  public static Object catalogWithProduct() {
    Catalog c = new Catalog();
    c.current.set(Corpus.product());
    return c;
  }

  public static Object newObjectsAreNotCached(Object v) {
    Catalog fresh = new Catalog();
    Corpus.arrayListAdd(fresh);
    Corpus.hashMapPutNewKey(fresh);
    Corpus.dateSetTime(fresh);
    Corpus.intArrayStore(fresh);
    Corpus.unguardedObjectField(fresh);
    Product p = new Product("new");
    Corpus.setter(p);
    Corpus.publicField(p);
    Corpus.increment(p);
    Note n = new Note("new");
    n.text = "changed";
    return List.of(fresh, p, n);
  }

  public static Object copiesOfCachedObjects(Object v) {
    Catalog c = (Catalog) v;
    List<String> list = new ArrayList<>(c.list);
    list.add("copy");
    Collections.sort(list);
    Map<String, Object> map = new HashMap<>(c.map);
    map.put("a", "copy");
    int[] ints = c.ints.clone();
    ints[0] = 42;
    Date date = (Date) c.date.clone();
    date.setTime(0);
    StringBuilder text = new StringBuilder(c.text).append("copy");
    TreeSet<String> set = new TreeSet<>(c.treeSet);
    set.pollFirst();
    Object[] objects = Arrays.copyOf(c.objects, 5);
    objects[0] = "copy";
    return List.of(list, map, ints, date, text, set, objects);
  }

  public static Object reads(Object v) {
    Catalog c = (Catalog) v;
    Product p = (Product) c.current.get();
    long sum = 0;
    sum += p.getName().length() + p.tags.get(0).length() + p.amountCents + p.version;
    sum += c.list.get(1).length() + c.list.size() + c.list.indexOf("c");
    for (String s : c.list) {
      sum += s.length();
    }
    sum += c.list.stream().count();
    sum += c.list.stream().filter("a"::equals).count();
    sum += c.linked.getFirst().length() + c.linked.peekLast().length();
    sum += c.map.containsKey("a") ? 1 : 0;
    sum += String.valueOf(c.map.get("b")).length() + c.map.getOrDefault("zz", "").toString().length();
    for (Map.Entry<String, Object> e : c.map.entrySet()) {
      sum += e.getKey().length();
    }
    sum += c.linkedMap.get("first").hashCode();
    sum += c.treeMap.firstKey() + c.treeMap.headMap(2).size() + c.treeMap.ceilingKey(2);
    sum += c.set.contains("s") ? 1 : 0;
    sum += c.treeSet.first().length() + c.treeSet.subSet("a", "z").size();
    sum += c.deque.peekFirst().length() + c.queue.peek() + c.enumMap.get(TimeUnit.DAYS).length();
    sum += c.identityMap.size() + c.concurrentMap.get("k") + c.copyOnWrite.get(0).length();
    sum += c.concurrentQueue.peek().length() + c.objects.length + c.ints[1] + c.longs[0];
    sum += (long) c.doubles[1] + c.bytes[0] + c.chars[0];
    sum += c.date.getTime() + c.date.getYear() + c.stamp.getNanos() + c.stamp.getTime();
    sum += c.calendar.get(java.util.Calendar.YEAR) + c.calendar.getTime().getTime();
    sum += c.calendar.getTimeZone().getRawOffset() + c.calendar.getActualMaximum(java.util.Calendar.DAY_OF_MONTH);
    sum += c.text.length() + c.text.charAt(1) + c.text.indexOf("b") + c.text.toString().length();
    sum += c.counter.get() + c.current.get().hashCode() + c.flags.cardinality() + (c.flags.get(1) ? 1 : 0);
    sum += c.note.getText().length() + c.note.stars;
    return sum;
  }

  public static Object equalsHashCodeToString(Object v) {
    Catalog c = (Catalog) v;
    List<Object> parts = List.of(c, c.current.get(), c.list, c.linked, c.map, c.linkedMap,
        c.treeMap, c.set, c.treeSet, c.deque, c.queue, c.enumMap, c.identityMap, c.concurrentMap,
        c.copyOnWrite, c.concurrentQueue, c.objects, c.ints, c.date, c.stamp, c.calendar, c.text,
        c.counter, c.current, c.flags, c.note);
    long sum = 0;
    for (Object part : parts) {
      sum += part.equals(part) ? 1 : 0;
      sum += part.hashCode();
      sum += part.toString().length();
    }
    sum += Arrays.hashCode(c.ints) + Arrays.toString(c.objects).length() + Arrays.hashCode(c.chars);
    sum += c.list.equals(List.of("b", "a", "c")) ? 1 : 0;
    return sum;
  }

  public static Object sortACopy(Object v) {
    Catalog c = (Catalog) v;
    List<String> sorted = new ArrayList<>(c.list);
    Collections.sort(sorted);
    List<String> streamed = c.list.stream().sorted().toList();
    int[] ints = c.ints.clone();
    Arrays.sort(ints);
    return List.of(sorted, streamed, ints);
  }

  public static Object unmodifiableViewReads(Object v) {
    Catalog c = (Catalog) v;
    List<String> view = Collections.unmodifiableList(c.list);
    Map<String, Object> mapView = Collections.unmodifiableMap(c.map);
    long sum = view.size() + view.get(0).length() + (view.contains("a") ? 1 : 0);
    for (String s : view) {
      sum += s.length();
    }
    sum += mapView.get("a").hashCode() + mapView.entrySet().size();
    try {
      view.add("rejected by the view");
    } catch (UnsupportedOperationException expected) {
      sum++;
    }
    return sum;
  }

  public static Object otherInstanceOfTheSameClass(Object v) {
    Catalog other = new Catalog();
    Corpus.arrayListSet(other);
    Corpus.collectionsSort(other);
    Corpus.stringBuilderAppend(other);
    Corpus.bitSetSet(other);
    Product otherProduct = (Product) Corpus.product();
    Corpus.setter(otherProduct);
    Corpus.longField(otherProduct);
    Corpus.memberInner(otherProduct);
    Corpus.collectionInGuardedField(otherProduct);
    return List.of(other, otherProduct);
  }

  /** Writes that store what was already there: the snapshot compares values, not writes. */
  public static Object sameValueWrites(Object v) {
    Catalog c = (Catalog) v;
    c.list.set(1, c.list.get(1));
    c.map.put("a", c.map.get("a"));
    c.treeMap.put(1, c.treeMap.get(1));
    c.ints[0] = c.ints[0];
    c.objects[2] = c.objects[2];
    c.date.setTime(c.date.getTime());
    c.counter.set(c.counter.get());
    c.flags.set(1);
    c.text.setCharAt(0, c.text.charAt(0));
    c.note.text = c.note.text;
    return c;
  }
}
