package io.memoguard.corpus.domain;

import io.memoguard.corpus.plain.Note;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Date;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Guarded holder of one of every mutable JDK type. The holder's own fields have barriers; what the
 * fields point to (collections, arrays, dates...) has none and is checked at the next read.
 */
public class Catalog {
  public final List<String> list = new ArrayList<>(List.of("b", "a", "c"));
  public final LinkedList<String> linked = new LinkedList<>(List.of("x", "y"));
  public final Map<String, Object> map = new HashMap<>();
  public final LinkedHashMap<String, Object> linkedMap = new LinkedHashMap<>();
  public final TreeMap<Integer, String> treeMap = new TreeMap<>(Map.of(1, "one", 2, "two"));
  public final HashSet<String> set = new HashSet<>(List.of("s", "t"));
  public final TreeSet<String> treeSet = new TreeSet<>(List.of("m", "n"));
  public final ArrayDeque<String> deque = new ArrayDeque<>(List.of("d1", "d2"));
  public final PriorityQueue<Integer> queue = new PriorityQueue<>(List.of(3, 1, 2));
  public final EnumMap<TimeUnit, String> enumMap = new EnumMap<>(Map.of(TimeUnit.DAYS, "d"));
  public final IdentityHashMap<Object, String> identityMap = new IdentityHashMap<>();
  public final ConcurrentHashMap<String, Integer> concurrentMap = new ConcurrentHashMap<>(Map.of("k", 1));
  public final CopyOnWriteArrayList<String> copyOnWrite = new CopyOnWriteArrayList<>(List.of("w"));
  public final ConcurrentLinkedQueue<String> concurrentQueue = new ConcurrentLinkedQueue<>(List.of("q"));
  public final Object[] objects = {"o0", "o1", "o2"};
  public final int[] ints = {3, 1, 2};
  public final long[] longs = {1L, 2L};
  public final double[] doubles = {1.0, 2.0};
  public final byte[] bytes = {1, 2};
  public final char[] chars = {'a', 'b'};
  public final Date date = new Date(1_000_000L);
  public final Timestamp stamp = new Timestamp(2_000_000L);
  public final Calendar calendar = new GregorianCalendar(2024, Calendar.MARCH, 1);
  public final StringBuilder text = new StringBuilder("abc");
  public final AtomicInteger counter = new AtomicInteger(1);
  public final AtomicReference<Object> current = new AtomicReference<>("first");
  public final BitSet flags = new BitSet();
  public final Note note = new Note("note");

  public Catalog() {
    map.put("a", "A");
    map.put("b", "B");
    linkedMap.put("first", 1);
    linkedMap.put("second", 2);
    identityMap.put(this, "self");
    flags.set(1);
  }

  @Override
  public String toString() {
    return "Catalog" + List.of(list, linked, map, linkedMap, treeMap, set, treeSet, deque, queue,
        enumMap, concurrentMap, copyOnWrite, concurrentQueue, date, stamp, calendar.getTime(), text,
        counter, current, flags, note);
  }
}
