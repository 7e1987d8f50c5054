package com.example.hostile;

import com.example.hostile.domain.Box;
import com.example.hostile.repo.OneShotRepository;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Scanner;
import java.util.Spliterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Results that can be consumed once: each caller must get what a fresh call gives. */
final class OneShotScenarios {
    private OneShotScenarios() {
    }

    static void register(Registry r) {
        OneShotRepository repo = new OneShotRepository();
        twice(r, "stream-declared", () -> repo.findStream(3).collect(Collectors.joining(",")));
        twice(r, "stream-as-object", () -> ((Stream<?>) repo.findStreamAsObject(3)).map(String::valueOf).collect(Collectors.joining(",")));
        twice(r, "iterator-as-object", () -> drain((Iterator<?>) repo.findIteratorAsObject(3)));
        twice(r, "iterable-backed-by-stream", () -> drain(repo.findIterable(3).iterator()));
        twice(r, "input-stream", () -> new String(repo.loadBlob("SECRET-1").readAllBytes(), StandardCharsets.UTF_8));
        twice(r, "reader", () -> read(repo.loadText("SECRET-2")));
        twice(r, "buffered-reader-lines", () -> readLines(repo.loadLines("SECRET-3")));
        twice(r, "byte-buffer", () -> {
            ByteBuffer buffer = repo.loadBuffer("SECRET-4");
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        });
        twice(r, "channel", () -> {
            ReadableByteChannel channel = repo.loadChannel("SECRET-5");
            ByteBuffer target = ByteBuffer.allocate(64);
            int n = channel.read(target);
            return n + ":" + new String(target.array(), 0, Math.max(n, 0), StandardCharsets.UTF_8);
        });
        twice(r, "scanner", () -> {
            Scanner scanner = repo.loadScanner("SECRET-6");
            List<String> tokens = new ArrayList<>();
            while (scanner.hasNext()) {
                tokens.add(scanner.next());
            }
            return tokens;
        });
        twice(r, "stream-in-guarded-box", () -> {
            Box box = repo.loadBoxedStream("SECRET-7");
            return new String(((InputStream) box.content).readAllBytes(), StandardCharsets.UTF_8);
        });
        twice(r, "spliterator-as-object", () -> {
            Spliterator<?> split = (Spliterator<?>) repo.loadSpliterator(3);
            List<Object> seen = new ArrayList<>();
            split.forEachRemaining(seen::add);
            return seen;
        });
        twice(r, "stream-in-optional", () -> ((Stream<?>) repo.findStreamInOptional(2).orElseThrow()).count());
        twice(r, "iterator-in-list", () -> drain((Iterator<?>) repo.listIterators(2).get(0)));
        twice(r, "enumeration", () -> {
            Enumeration<String> e = repo.loadEnumeration(2);
            List<String> seen = new ArrayList<>();
            while (e.hasMoreElements()) {
                seen.add(e.nextElement());
            }
            return seen;
        });
        twice(r, "random", () -> {
            Random random = repo.loadRandom(42);
            return random.nextInt() + "," + random.nextInt();
        });
        twice(r, "string-builder-appended", () -> repo.loadBuilder("SECRET-8").append("+").toString());
        twice(r, "atomic-counter", () -> repo.loadCounter(5).incrementAndGet());
        twice(r, "supplier-with-state", () -> {
            Supplier<Integer> next = repo.loadSupplier(7);
            return next.get() + "," + next.get();
        });
        twice(r, "deque-polled", () -> {
            ArrayDeque<String> deque = repo.loadDeque(3);
            return deque.poll() + "," + deque.size();
        });
        twice(r, "priority-queue-polled", () -> {
            PriorityQueue<Integer> queue = repo.loadQueue(3);
            return queue.poll() + "," + queue.poll() + "," + queue.size();
        });
    }

    /** Three callers in one request consume the result; no barriered write, so fail mode must agree too. */
    private static void twice(Registry r, String name, Out.Call consume) {
        r.add("oneshot-" + name, "MAY F", out -> {
            out.call("first", consume);
            out.call("second", consume);
            out.call("third", consume);
        });
    }

    private static String drain(Iterator<?> it) {
        StringBuilder sb = new StringBuilder();
        while (it.hasNext()) {
            sb.append(it.next()).append(';');
        }
        return sb.toString();
    }

    private static String read(Reader reader) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0) {
            sb.append((char) c);
        }
        return sb.toString();
    }

    private static String readLines(BufferedReader reader) {
        return reader.lines().collect(Collectors.joining("|"));
    }
}
