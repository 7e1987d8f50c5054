package com.example.keys;

import com.example.keys.iso.StaticRepo;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls memoized methods with what keys must tell apart: one static repository class loaded by
 * two class loaders, arguments that differ only in order, class or comparator, and an application
 * list behind JDK wrappers. Prints {@code RESULT name ...} lines (what the application computed,
 * the same with and without the agent) and {@code LOADS name ...} lines (how often bodies ran).
 * Each {@code scenario*} method is a request boundary.
 */
public final class KeysApp {
    private final ArgumentRepo repo = new ArgumentRepo();

    public static void main(String[] args) throws Exception {
        KeysApp app = new KeysApp();
        app.scenarioTwoLoaders();
        app.scenarioStaticWrite();
        app.scenarioOrder();
        app.scenarioWrappers();
        System.out.println("LISTENING port=0");
    }

    public void scenarioTwoLoaders() throws Exception {
        URL classes = KeysApp.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader a = new URLClassLoader(new URL[] {classes}, null);
             URLClassLoader b = new URLClassLoader(new URL[] {classes}, null)) {
            Class<?> repoA = a.loadClass(StaticRepo.class.getName());
            Class<?> repoB = b.loadClass(StaticRepo.class.getName());
            repoA.getField("origin").set(null, "A");
            repoB.getField("origin").set(null, "B");
            Object tagA = call(repoA, "getTag", "k");
            Object tagB = call(repoB, "getTag", "k");
            Object tagA2 = call(repoA, "getTag", "k");
            Object tagB2 = call(repoB, "getTag", "k");
            Object valueA = call(repoA, "getValue", "k");
            Object valueB = call(repoB, "getValue", "k");
            Object valueB2 = call(repoB, "getValue", "k");
            result("twoLoaders", "tags=" + tagA + "," + tagB + "," + tagA2 + "," + tagB2,
                    "values=" + text(valueA) + "," + text(valueB) + "," + text(valueB2),
                    "ownClass=" + (valueB != null && valueB.getClass() == repoB.getMethod("getValue", String.class).getReturnType()));
            loads("twoLoaders", "a=" + repoA.getField("loads").get(null), "b=" + repoB.getField("loads").get(null));
        }
    }

    public void scenarioStaticWrite() {
        String before = StaticRepo.getName(1);
        StaticRepo.rename(1, "renamed");
        String after = StaticRepo.getName(1);
        result("staticWrite", "before=" + before, "after=" + after);
    }

    public void scenarioOrder() {
        int start = repo.loads;
        String ab = repo.findFirst(linked("a", "b"));
        String ba = repo.findFirst(linked("b", "a"));
        String abAgain = repo.findFirst(linked("a", "b"));
        TreeMap<String, Integer> natural = new TreeMap<>(Map.of("a", 1, "b", 2));
        TreeMap<String, Integer> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(natural);
        String sorted = repo.findFirst(natural) + repo.findFirst(reversed);
        String shapes = repo.findShape(new ArrayList<>(List.of(1, 2))) + " "
                + repo.findShape(new LinkedList<>(List.of(1, 2))) + " "
                + repo.findShape(Collections.unmodifiableList(new ArrayList<>(List.of(2, 1))));
        String arrays = repo.findArray(new Integer[] {1, 2}) + " " + repo.findArray(new Object[] {1, 2});
        result("order", "first=" + ab + ba + abAgain, "sorted=" + sorted, "shapes=" + shapes, "arrays=" + arrays);
        loads("order", "n=" + (repo.loads - start));
    }

    public void scenarioWrappers() {
        CountingList list = new CountingList();
        int start = repo.loads;
        int first = repo.countAll(Collections.unmodifiableList(list));
        int second = repo.countAll(Collections.unmodifiableList(list));
        int third = repo.countAll(Collections.synchronizedList(list));
        List<String> jdk = new ArrayList<>(List.of("x", "y"));
        int fourth = repo.countAll(Collections.unmodifiableList(jdk));
        int fifth = repo.countAll(Collections.unmodifiableList(jdk));
        result("wrappers", "sizes=" + first + second + third + fourth + fifth);
        loads("wrappers", "n=" + (repo.loads - start), "listCalls=" + list.calls);
    }

    private static LinkedHashMap<String, Integer> linked(String first, String second) {
        LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
        map.put(first, 1);
        map.put(second, 2);
        return map;
    }

    private static Object call(Class<?> type, String method, String arg) throws Exception {
        Method m = type.getMethod(method, String.class);
        return m.invoke(null, arg);
    }

    private static String text(Object tag) throws Exception {
        return tag == null ? "null" : (String) tag.getClass().getField("text").get(tag);
    }

    private static void result(String name, String... parts) {
        System.out.println("RESULT " + name + " " + String.join(" ", parts));
    }

    private static void loads(String name, String... parts) {
        System.out.println("LOADS " + name + " " + String.join(" ", parts));
    }
}
