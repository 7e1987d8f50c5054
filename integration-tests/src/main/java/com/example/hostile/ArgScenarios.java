package com.example.hostile;

import com.example.hostile.model.Booby2;
import com.example.hostile.model.CountingList;
import com.example.hostile.repo.ArgRepository;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Arguments: every difference the repository can observe must make a different key. */
final class ArgScenarios {
    private ArgScenarios() {
    }

    static void register(Registry r) {
        ArgRepository repo = new ArgRepository();
        pair(r, repo, "null-vs-string", () -> null, () -> "null");
        pair(r, repo, "int-array-order", () -> new int[] {1, 2}, () -> new int[] {2, 1});
        pair(r, repo, "long-array", () -> new long[] {1L, Long.MAX_VALUE}, () -> new long[] {1L, Long.MIN_VALUE});
        pair(r, repo, "byte-array", () -> new byte[] {1, -1}, () -> new byte[] {1, 127});
        pair(r, repo, "short-array", () -> new short[] {1, 2}, () -> new short[] {1, 3});
        pair(r, repo, "char-array", () -> "SECRET-ab".toCharArray(), () -> "SECRET-ba".toCharArray());
        pair(r, repo, "boolean-array", () -> new boolean[] {true, false}, () -> new boolean[] {false, true});
        pair(r, repo, "float-array-signed-zero", () -> new float[] {0.0f}, () -> new float[] {-0.0f});
        pair(r, repo, "double-array-nan", () -> new double[] {Double.NaN, 0.0}, () -> new double[] {Double.NaN, -0.0});
        pair(r, repo, "boxed-double-signed-zero", () -> 0.0d, () -> -0.0d);
        pair(r, repo, "nested-int-arrays", () -> new int[][] {{1}, {2, 3}}, () -> new int[][] {{1, 2}, {3}});
        pair(r, repo, "object-array-mixed", () -> new Object[] {"SECRET", 1, 'c'}, () -> new Object[] {"SECRET", 1L, 'c'});
        pair(r, repo, "string-vs-char-array", () -> "ab", () -> new char[] {'a', 'b'});
        pair(r, repo, "integer-vs-long", () -> 1, () -> 1L);
        pair(r, repo, "bigdecimal-scale", () -> new BigDecimal("1.0"), () -> new BigDecimal("1.00"));
        pair(r, repo, "hash-collision-strings", () -> "Aa-SECRET", () -> "BB-SECRET");
        pair(r, repo, "arraylist-vs-linkedlist", () -> new ArrayList<>(List.of("SECRET-a")), () -> new LinkedList<>(List.of("SECRET-a")));
        pair(r, repo, "list-of-vs-aslist", () -> List.of("SECRET-a", "b"), () -> Arrays.asList("SECRET-a", "b"));
        pair(r, repo, "emptylist-vs-arraylist", Collections::emptyList, ArrayList::new);
        pair(r, repo, "list-order", () -> List.of("SECRET-a", "b"), () -> List.of("b", "SECRET-a"));
        pair(r, repo, "linkedhashmap-order", () -> linkedMap("SECRET-a", "SECRET-b"), () -> linkedMap("SECRET-b", "SECRET-a"));
        pair(r, repo, "linkedhashset-order", () -> new LinkedHashSet<>(List.of("SECRET-a", "b")), () -> new LinkedHashSet<>(List.of("b", "SECRET-a")));
        pair(r, repo, "treemap-comparator", () -> treeMap(Comparator.naturalOrder()), () -> treeMap(Comparator.reverseOrder()));
        pair(r, repo, "treeset-case-insensitive", () -> treeSet(Comparator.naturalOrder()), () -> treeSet(String.CASE_INSENSITIVE_ORDER.reversed()));
        pair(r, repo, "hashmap-vs-treemap", () -> new HashMap<>(Map.of("SECRET-k", 1)), () -> new TreeMap<>(Map.of("SECRET-k", 1)));
        pair(r, repo, "hashset-vs-list", () -> new HashSet<>(List.of("SECRET-x")), () -> new ArrayList<>(List.of("SECRET-x")));
        pair(r, repo, "identityhashmap-equal-keys", ArgScenarios::identityMap, () -> new HashMap<>(Map.of("SECRET-k", 1)));
        pair(r, repo, "skiplist-comparator", () -> skipList(Comparator.naturalOrder()), () -> skipList(Comparator.reverseOrder()));
        pair(r, repo, "priorityqueue-comparator", () -> queue(Comparator.naturalOrder()), () -> queue(Comparator.reverseOrder()));
        pair(r, repo, "arraydeque-order", () -> new ArrayDeque<>(List.of(1, 2)), () -> new ArrayDeque<>(List.of(2, 1)));
        pair(r, repo, "cow-list-vs-arraylist", () -> new CopyOnWriteArrayList<>(List.of("SECRET")), () -> new ArrayList<>(List.of("SECRET")));
        pair(r, repo, "enumset-vs-hashset", () -> EnumSet.of(RetentionPolicy.CLASS), () -> new HashSet<>(Set.of(RetentionPolicy.CLASS)));
        pair(r, repo, "enummap-order", () -> new EnumMap<>(Map.of(RetentionPolicy.CLASS, "SECRET")), () -> linkedMap("CLASS", "SECRET"));
        pair(r, repo, "map-null-key-vs-value", () -> mapWith(null, "SECRET"), () -> mapWith("SECRET", null));
        pair(r, repo, "optional-empty-vs-null", Optional::empty, () -> null);
        pair(r, repo, "optional-of-list-order", () -> Optional.of(List.of(1, 2)), () -> Optional.of(List.of(2, 1)));
        pair(r, repo, "enum-constant-bodies", () -> Shape.ROUND, () -> Shape.SQUARE);
        pair(r, repo, "java-time-values", () -> LocalDate.of(2020, 1, 1), () -> Duration.ofSeconds(1));
        pair(r, repo, "uuid-uri-locale", () -> List.of(new UUID(1, 2), URI.create("x:SECRET"), Locale.ROOT),
                () -> List.of(new UUID(1, 3), URI.create("x:SECRET"), Locale.ROOT));
        pair(r, repo, "nested-map-list-order", () -> Map.of("SECRET-k", List.of(1, 2)), () -> Map.of("SECRET-k", List.of(2, 1)));
        pair(r, repo, "unmodifiable-view-order", () -> Collections.unmodifiableList(List.of("SECRET-a", "b")),
                () -> Collections.unmodifiableList(List.of("b", "SECRET-a")));
        pair(r, repo, "synchronized-vs-checked", () -> Collections.synchronizedList(new ArrayList<>(List.of("SECRET"))),
                () -> Collections.checkedList(new ArrayList<>(List.of("SECRET")), String.class));
        pair(r, repo, "submap-views", () -> new TreeMap<>(Map.of("a", 1, "b", 2)).headMap("b"), () -> new TreeMap<>(Map.of("a", 1, "b", 2)).tailMap("a"));
        pair(r, repo, "keyset-vs-values", () -> linkedMap("SECRET-k", "SECRET-v").keySet(), () -> linkedMap("SECRET-k", "SECRET-v").values());
        pair(r, repo, "record-args", () -> new Point(1, 2), () -> new Point(2, 1));
        pair(r, repo, "lambda-args", () -> (Supplier<String>) () -> "SECRET", () -> (Supplier<String>) () -> "SECRET");
        pair(r, repo, "proxy-args", ArgScenarios::proxy, ArgScenarios::proxy);
        pair(r, repo, "bitset-args", () -> bits(1), () -> bits(2));
        pair(r, repo, "class-args", () -> String.class, () -> Integer.class);
        r.add("arg-app-list-in-jdk-wrappers", "MAY F", out -> {
            CountingList<String> appList = new CountingList<>(List.of("SECRET-a", "b", "c"));
            int before = CountingList.CALLS.get();
            out.p("first", repo.findDescribed(Collections.unmodifiableList(appList)));
            out.p("again", repo.findDescribed(Collections.synchronizedList(appList)));
            out.p("checked", repo.findDescribed(Collections.checkedList(appList, String.class)));
            out.p("appCalls", CountingList.CALLS.get() - before);
        });
        r.add("arg-app-list-that-throws", "MAY F", out -> {
            com.example.hostile.model.ThrowingList failing = new com.example.hostile.model.ThrowingList();
            out.call("unmodifiable", () -> repo.findDescribed(Collections.unmodifiableList(failing)));
            out.call("synchronized", () -> repo.findDescribed(Collections.synchronizedList(failing)));
            out.call("in-a-map", () -> repo.findDescribed(Map.of("SECRET-key", Collections.unmodifiableList(failing))));
        });
        r.add("arg-booby-hashcode-never-called", "MAY F", out -> {
            int before = Booby2.CALLS.get();
            out.p("wrapped", repo.findDescribed(List.of(new Booby2(1))));
            out.p("again", repo.findDescribed(List.of(new Booby2(1))));
            out.p("boobyCalls", Booby2.CALLS.get() - before);
        });
        r.add("arg-array-mutated-between-calls", "MAY F", out -> {
            int[] values = {1, 2, 3};
            out.p("first", repo.findByInts(values));
            values[0] = 99;
            out.p("mutated", repo.findByInts(values));
            out.p("same", repo.findByInts(new int[] {99, 2, 3}));
        });
        r.add("arg-list-mutated-between-calls", "MAY F", out -> {
            List<String> list = new ArrayList<>(List.of("SECRET-a"));
            out.p("first", repo.findDescribed(list));
            list.add("SECRET-b");
            out.p("mutated", repo.findDescribed(list));
            Collections.reverse(list);
            out.p("reversed", repo.findDescribed(list));
        });
        r.add("arg-map-mutated-between-calls", "MAY F", out -> {
            Map<String, List<String>> map = new LinkedHashMap<>();
            map.put("SECRET-k", new ArrayList<>(List.of("v")));
            out.p("first", repo.findDescribed(map));
            map.get("SECRET-k").add("SECRET-w");
            out.p("deep-mutated", repo.findDescribed(map));
        });
        r.add("arg-builder-and-date-mutated", "MAY F", out -> {
            StringBuilder sb = new StringBuilder("SECRET-1");
            Date date = new Date(1);
            out.p("first", repo.findPair(sb, date.getTime()));
            out.p("sb1", repo.findDescribed(sb));
            sb.append("2");
            date.setTime(2);
            out.p("sb2", repo.findDescribed(sb));
            out.p("date", repo.findDescribed(date));
        });
        r.add("arg-varargs", "MAY F", out -> {
            out.p("two", repo.findAll("SECRET-a", "b"));
            out.p("three", repo.findAll("SECRET-a", "b", "c"));
            out.p("none", repo.findAll());
            out.p("null-element", repo.findAll("SECRET-a", null));
            out.p("null-array", repo.findAll((String[]) null));
            out.p("two-again", repo.findAll("SECRET-a", "b"));
        });
        r.add("arg-primitives", "MAY F", out -> {
            out.p("d0", repo.findByDouble(0.0));
            out.p("dm0", repo.findByDouble(-0.0));
            out.p("dnan", repo.findByDouble(Double.NaN));
            out.p("f0", repo.findByFloat(0.0f));
            out.p("fm0", repo.findByFloat(-0.0f));
            out.p("c", repo.findByChar('\u00e9'));
            out.p("l", repo.findByLong(Long.MIN_VALUE));
            out.p("b", repo.findByBoolean(false));
            out.p("d0-again", repo.findByDouble(0.0));
        });
        r.add("arg-self-containing-list", "MAY F", out -> {
            List<Object> self = new ArrayList<>();
            self.add("SECRET-self");
            self.add(self);
            out.p("first", repo.findDescribed(self));
            out.p("again", repo.findDescribed(self));
        });
        r.add("arg-huge-list", "MAY F", out -> {
            List<Integer> huge = new ArrayList<>();
            for (int i = 0; i < 200_000; i++) {
                huge.add(i);
            }
            out.p("first", repo.findDescribed(huge));
            huge.set(199_999, -1);
            out.p("changed-last", repo.findDescribed(huge));
        });
        r.add("arg-repeat-saves", "SAVE F", out -> {
            for (int i = 0; i < 5; i++) {
                out.p("call" + i, repo.findPair("SECRET-x", List.of(1, 2)));
            }
        });
    }

    private static void pair(Registry r, ArgRepository repo, String name, Supplier<Object> a, Supplier<Object> b) {
        r.add("arg-" + name, "MAY F", out -> {
            out.p("a", repo.findDescribed(a.get()));
            out.p("b", repo.findDescribed(b.get()));
            out.p("a-again", repo.findDescribed(a.get()));
            out.p("pair-ab", repo.findPair(a.get(), b.get()));
            out.p("pair-ba", repo.findPair(b.get(), a.get()));
        });
    }

    enum Shape {
        ROUND {
            @Override
            int corners() {
                return 0;
            }
        },
        SQUARE {
            @Override
            int corners() {
                return 4;
            }
        };

        abstract int corners();
    }

    record Point(int x, int y) {
    }

    private static Map<String, String> linkedMap(String first, String second) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(first, "v1");
        map.put(second, "v2");
        return map;
    }

    private static TreeMap<String, Integer> treeMap(Comparator<String> order) {
        TreeMap<String, Integer> map = new TreeMap<>(order);
        map.put("SECRET-a", 1);
        map.put("SECRET-b", 2);
        return map;
    }

    private static TreeSet<String> treeSet(Comparator<String> order) {
        TreeSet<String> set = new TreeSet<>(order);
        set.addAll(List.of("SECRET-a", "B", "c"));
        return set;
    }

    private static ConcurrentSkipListMap<String, Integer> skipList(Comparator<String> order) {
        ConcurrentSkipListMap<String, Integer> map = new ConcurrentSkipListMap<>(order);
        map.put("SECRET-a", 1);
        map.put("SECRET-b", 2);
        return map;
    }

    private static PriorityQueue<Integer> queue(Comparator<Integer> order) {
        PriorityQueue<Integer> queue = new PriorityQueue<>(order);
        queue.addAll(List.of(1, 2, 3));
        return queue;
    }

    private static Map<String, Integer> identityMap() {
        Map<String, Integer> map = new IdentityHashMap<>();
        map.put(new String("SECRET-k"), 1);
        map.put(new String("SECRET-k"), 1);
        return map;
    }

    private static Map<String, String> mapWith(String key, String value) {
        Map<String, String> map = new HashMap<>();
        map.put(key, value);
        return map;
    }

    private static BitSet bits(int n) {
        BitSet bits = new BitSet();
        bits.set(n);
        return bits;
    }

    private static Object proxy() {
        return Proxy.newProxyInstance(ArgScenarios.class.getClassLoader(), new Class<?>[] {Runnable.class}, (p, m, a) -> null);
    }
}
