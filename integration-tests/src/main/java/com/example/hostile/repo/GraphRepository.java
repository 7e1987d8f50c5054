package com.example.hostile.repo;

import com.example.hostile.Db;
import com.example.hostile.domain.Booby;
import com.example.hostile.domain.Node;
import com.example.hostile.model.Booby2;
import com.example.hostile.model.Counter;
import com.example.hostile.model.Cursor;
import com.example.hostile.model.Link;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shapes of results: chains, cycles, large graphs, JDK containers, objects that must not be called. */
public class GraphRepository {

    public Link getChain(int n) {
        Db.trip();
        Link head = new Link("SECRET-link-0");
        Link last = head;
        for (int i = 1; i < n; i++) {
            last.next = new Link("SECRET-link-" + i);
            last = last.next;
        }
        return head;
    }

    public Node getNodeChain(int n) {
        Db.trip();
        Node head = new Node(0, "SECRET-node");
        Node last = head;
        for (int i = 1; i < n; i++) {
            last.next = new Node(i, "SECRET-node");
            last = last.next;
        }
        return head;
    }

    public Node getCycle(int size) {
        Db.trip();
        Node head = getNodeChainUncounted(size);
        Node last = head;
        while (last.next != null) {
            last = last.next;
        }
        last.next = head;
        return head;
    }

    private static Node getNodeChainUncounted(int n) {
        Node head = new Node(0, "c");
        Node last = head;
        for (int i = 1; i < n; i++) {
            last.next = new Node(i, "c");
            last = last.next;
        }
        return head;
    }

    public Object[] getSelfArray() {
        Db.trip();
        Object[] array = new Object[2];
        array[0] = "SECRET-self";
        array[1] = array;
        return array;
    }

    public List<Object> getSelfList() {
        Db.trip();
        List<Object> list = new ArrayList<>();
        list.add("SECRET-self");
        list.add(list);
        return list;
    }

    public Map<String, Counter> getCountersByKey(String prefix) {
        Db.trip();
        Map<String, Counter> counters = new HashMap<>();
        counters.put("SECRET-C1-" + prefix, new Counter(1));
        counters.put("SECRET-C2-" + prefix, new Counter(2));
        return counters;
    }

    public Map<String, Node> getNodesByKey(String prefix) {
        Db.trip();
        Map<String, Node> nodes = new TreeMap<>();
        nodes.put("SECRET-N1-" + prefix, new Node(1, "SECRET-n"));
        return nodes;
    }

    public int[][] getMatrix(int n) {
        Db.trip();
        int[][] matrix = new int[n][n];
        for (int i = 0; i < n; i++) {
            matrix[i][i] = i + 1;
        }
        return matrix;
    }

    public int[] getArray(int n) {
        Db.trip();
        int[] array = new int[n];
        for (int i = 0; i < n; i++) {
            array[i] = n - i;
        }
        return array;
    }

    public List<Integer> getNumbers(int n) {
        Db.trip();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(n - i);
        }
        return numbers;
    }

    public Map<String, Integer> getScores(String who) {
        Db.trip();
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("SECRET-a-" + who, 1);
        scores.put("b", 2);
        return scores;
    }

    public Date getDate(long millis) {
        Db.trip();
        return new Date(millis);
    }

    public BitSet getBits(int n) {
        Db.trip();
        BitSet bits = new BitSet();
        bits.set(0, n);
        return bits;
    }

    public Cursor getCursor(int n) {
        Db.trip();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add("SECRET-item-" + i);
        }
        return new Cursor(items);
    }

    public Booby getBooby(int id) {
        Db.trip();
        return new Booby(id);
    }

    public Map<Booby2, Booby> getBoobyMap(int n) {
        Db.trip();
        Booby2.armed = false;
        try {
            Map<Booby2, Booby> map = new HashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(new Booby2(i), new Booby(i));
            }
            return map;
        } finally {
            Booby2.armed = true;
        }
    }

    public String findByBooby(Booby2 key) {
        Db.trip();
        return "booby2#" + key.id;
    }

    /** This repository's own identity methods are hostile too: the agent keys receivers by identity. */
    @Override
    public int hashCode() {
        Booby2.CALLS.incrementAndGet();
        throw new IllegalStateException("repository hashCode SECRET");
    }

    @Override
    public boolean equals(Object other) {
        Booby2.CALLS.incrementAndGet();
        throw new IllegalStateException("repository equals SECRET");
    }

    @Override
    public String toString() {
        Booby2.CALLS.incrementAndGet();
        throw new IllegalStateException("repository toString SECRET");
    }
}
