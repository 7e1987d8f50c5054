package com.example.hostile.repo;

import com.example.hostile.Db;
import com.example.hostile.domain.Box;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Scanner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Results that can be consumed once, or whose state moves when read. */
public class OneShotRepository {

    private static List<String> names(int n) {
        return IntStream.range(0, n).mapToObj(i -> "SECRET-n" + i).collect(Collectors.toList());
    }

    private static byte[] blob(String id) {
        return ("blob-SECRET-" + id).getBytes(StandardCharsets.UTF_8);
    }

    public Stream<String> findStream(int n) {
        Db.trip();
        return names(n).stream();
    }

    public Object findStreamAsObject(int n) {
        Db.trip();
        return names(n).stream();
    }

    public Object findIteratorAsObject(int n) {
        Db.trip();
        return names(n).iterator();
    }

    public Iterable<String> findIterable(int n) {
        Db.trip();
        Stream<String> stream = names(n).stream();
        return stream::iterator;
    }

    public InputStream loadBlob(String id) {
        Db.trip();
        return new ByteArrayInputStream(blob(id));
    }

    public Reader loadText(String id) {
        Db.trip();
        return new StringReader("text-SECRET-" + id);
    }

    public BufferedReader loadLines(String id) {
        Db.trip();
        return new BufferedReader(new StringReader("l1-" + id + "\nl2-" + id));
    }

    public ByteBuffer loadBuffer(String id) {
        Db.trip();
        return ByteBuffer.wrap(blob(id));
    }

    public ReadableByteChannel loadChannel(String id) {
        Db.trip();
        return Channels.newChannel(new ByteArrayInputStream(blob(id)));
    }

    public Scanner loadScanner(String id) {
        Db.trip();
        return new Scanner("s1 s2 s3-" + id);
    }

    public Box loadBoxedStream(String id) {
        Db.trip();
        return new Box(new ByteArrayInputStream(blob(id)));
    }

    public Object loadSpliterator(int n) {
        Db.trip();
        return names(n).spliterator();
    }

    public Optional<Object> findStreamInOptional(int n) {
        Db.trip();
        return Optional.of(names(n).stream());
    }

    public List<Object> listIterators(int n) {
        Db.trip();
        List<Object> list = new ArrayList<>();
        list.add(names(n).iterator());
        return list;
    }

    public Enumeration<String> loadEnumeration(int n) {
        Db.trip();
        return Collections.enumeration(names(n));
    }

    public Random loadRandom(long seed) {
        Db.trip();
        return new Random(seed);
    }

    public StringBuilder loadBuilder(String id) {
        Db.trip();
        return new StringBuilder("sb-" + id);
    }

    public AtomicInteger loadCounter(int start) {
        Db.trip();
        return new AtomicInteger(start);
    }

    public Supplier<Integer> loadSupplier(int start) {
        Db.trip();
        int[] next = {start};
        return () -> next[0]++;
    }

    public ArrayDeque<String> loadDeque(int n) {
        Db.trip();
        return new ArrayDeque<>(names(n));
    }

    public PriorityQueue<Integer> loadQueue(int n) {
        Db.trip();
        PriorityQueue<Integer> queue = new PriorityQueue<>(Collections.reverseOrder());
        for (int i = 0; i < n; i++) {
            queue.add(i);
        }
        return queue;
    }
}
